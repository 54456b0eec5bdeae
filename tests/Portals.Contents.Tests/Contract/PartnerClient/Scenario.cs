using System.Security.Cryptography;
using Partner.Client.Api.Content;
using Partner.Client.Models;

namespace Partner.Client;

/// <summary>
/// What a partner does with the generated client: a token, an investment call written and read back with typed fields,
/// a filtered and paged list, a search (and its relaxed form), suggestions, the sectors, and the typed problems of a 404 and a 400.
/// </summary>
internal sealed partial class Scenario(string baseUrl, string clientId, string secret)
{
    private const string Sector = "sector-giao-thong";

    /// <summary>A word only this run's items hold in their titles, so the list and the search find exactly them.</summary>
    private readonly string _marker = "kiota" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly List<string> _failures = [];
    private PortalsClient? _writer;
    private InvestmentCall? _created;
    private InvestmentCall? _second;

    public async Task<int> RunAsync()
    {
        await StepAsync("token", GetTokenAsync);
        await StepAsync("create", CreateAsync);
        await StepAsync("read-by-id", ReadByIdAsync);
        await StepAsync("read-by-path", ReadByPathAsync);
        await StepAsync("list", ListAsync);
        await StepAsync("search", SearchAsync);
        await StepAsync("suggest", SuggestAsync);
        await StepAsync("sectors", SectorsAsync);
        await StepAsync("problem-404", NotFoundAsync);
        await StepAsync("problem-400", InvalidAsync);
        return _failures.Count;
    }

    private async Task StepAsync(string name, Func<Task> step)
    {
        try
        {
            await step();
            Console.WriteLine($"PASS {name}");
        }
#pragma warning disable CA1031 // Every failure of a step is reported, and the next steps still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failures.Add(name);
            Console.WriteLine($"FAIL {name}: {ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" "));
        }
    }

    private async Task GetTokenAsync()
    {
        var token = await Client(null).Connect.Token.PostAsync(new TokenRequestForm
        {
            GrantType = "client_credentials",
            ClientId = clientId,
            ClientSecret = secret,
        });
        Check(!string.IsNullOrEmpty(token?.AccessToken), "no access_token");
        Check(token!.TokenType?.Equals("Bearer", StringComparison.OrdinalIgnoreCase) == true, $"token_type is {token.TokenType}");
        Check(token.ExpiresIn > 0, "expires_in is not positive");
        _writer = Client(token.AccessToken);
    }

    private async Task CreateAsync()
    {
        var writer = _writer ?? throw new InvalidOperationException("no token");
        var posted = (await writer.Api.Content.PostAsync(Call("kiota-" + _marker, "một")))?.InvestmentCall;
        Check(posted is not null, "the answer is not an InvestmentCall");
        Same(posted!, "kiota-" + _marker, "một");
        Check(posted!.Published == true && posted.Latest == true, "not published");
        Check(posted.Owner == clientId && posted.Author == clientId, $"owner {posted.Owner}, author {posted.Author}");
        _created = posted;
        _second = (await writer.Api.Content.PostAsync(Call(null, "hai")))?.InvestmentCall;
        Check(_second?.ContentItemId is { Length: > 0 }, "the second item got no id");
    }

    private async Task ReadByIdAsync()
    {
        var id = Created().ContentItemId!;
        var read = (await Client(null).Api.Content[id].GetAsync())?.InvestmentCall;
        Check(read is not null, "not read back as an InvestmentCall");
        Same(read!, id, "một");
        Check(read!.ContentItemVersionId == Created().ContentItemVersionId, "another version");
        Check(read.ModifiedUtc == Created().ModifiedUtc && read.PublishedUtc is not null, "dates differ");
    }

    private async Task ReadByPathAsync()
    {
        var path = Created().AutoroutePart?.Path;
        Check(!string.IsNullOrEmpty(path), "no AutoroutePart.Path");
        var read = (await Client(null).Api.Content.ByPath.GetAsync(r => r.QueryParameters.Path = path))?.InvestmentCall;
        Check(read is not null, "not read back by path as an InvestmentCall");
        Same(read!, Created().ContentItemId!, "một");
    }

    private async Task ListAsync()
    {
        var ids = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var number = page;
            var list = await Client(null).Api.Content.GetAsync(r =>
            {
                r.QueryParameters.Type = "InvestmentCall";
                r.QueryParameters.Sector = Sector;
                r.QueryParameters.Q = _marker;
                r.QueryParameters.Sort = GetSortQueryParameterType.Title;
                r.QueryParameters.Page = number;
                r.QueryParameters.PageSize = 1;
            });
            Check(list is { Total: 2, PageSize: 1, Truncated: false } && list.Page == number, $"page {number}: total {list?.Total}, page {list?.Page}, size {list?.PageSize}");
            Check(list!.Items is [{ InvestmentCall: { } item }], $"page {number} does not hold one InvestmentCall");
            Check(page == 1 ? list.Next is not null : list.Next is null, $"page {number}: next is {list.Next ?? "null"}");
            ids.Add(list.Items![0].InvestmentCall!.ContentItemId!);
        }
        // Sorted by title: "… một" before "… hai" is not alphabetical, "hai" < "một".
        Check(ids.SequenceEqual([_second!.ContentItemId!, Created().ContentItemId!]), $"listed {string.Join(", ", ids)}");
    }

    private async Task SectorsAsync()
    {
        var sectors = await Client(null).Api.Taxonomies.Sectors.GetAsync();
        Check(sectors?.TaxonomyContentItemId == "sector-taxonomy", $"taxonomy {sectors?.TaxonomyContentItemId}");
        Check(sectors!.Terms?.Any(t => t.ContentItemId == Sector && !string.IsNullOrEmpty(t.DisplayText)) == true, $"{Sector} is not among {sectors.Terms?.Count} terms");
    }

    private async Task NotFoundAsync()
    {
        try
        {
            await Client(null).Api.Content["khong-co-muc-nay-" + _marker].GetAsync();
            Check(false, "no error");
        }
        catch (ProblemDetails problem)
        {
            Check(problem.ResponseStatusCode == 404 && problem.Status == 404, $"status {problem.ResponseStatusCode}/{problem.Status}");
            Check(!string.IsNullOrEmpty(problem.Title) && !string.IsNullOrEmpty(problem.TraceId), "no title or traceId");
        }
    }

    private async Task InvalidAsync()
    {
        var writer = _writer ?? throw new InvalidOperationException("no token");
        var call = Call("kiota-thieu-" + _marker, "ba");
        call.InvestmentCallInput!.InvestmentCall!.Location = null;
        try
        {
            await writer.Api.Content.PostAsync(call);
            Check(false, "no error");
        }
        catch (HttpValidationProblemDetails problem)
        {
            Check(problem.ResponseStatusCode == 400 && problem.Status == 400, $"status {problem.ResponseStatusCode}/{problem.Status}");
            Check(problem.Errors?.AdditionalData.ContainsKey("InvestmentCall.Location") == true,
                $"errors name {string.Join(", ", problem.Errors?.AdditionalData.Keys ?? [])}");
            Check(!string.IsNullOrEmpty(problem.TraceId), "no traceId");
        }
    }
}
