using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Partner.Client.Models;

namespace Partner.Client;

/// <summary>The items the scenario writes, the comparison of what it reads back, and the clients it calls with.</summary>
internal sealed partial class Scenario
{
    private ContentItemInput Call(string? id, string ordinal) => new()
    {
        InvestmentCallInput = new InvestmentCallInput
        {
            ContentItemId = id,
            ContentType = "InvestmentCall",
            TitlePart = new TitlePartInput { Title = $"Khu công nghiệp Sông Hậu {_marker} {ordinal}" },
            InvestmentCall = new InvestmentCallPartInput
            {
                Summary = new InvestmentCallSummary { Text = "Kêu gọi đầu tư hạ tầng khu công nghiệp." },
                Location = new InvestmentCallLocationInput { Text = "Châu Thành, Hậu Giang" },
                Status = new InvestmentCallStatusInput { Text = InvestmentCallStatusValue.DaCoNhaDauTu },
                Sector = new InvestmentCallSectorInput { TermContentItemIds = [Sector] },
                AreaHa = new InvestmentCallAreaHa { Value = 120.5 },
                Deadline = new DateField { Value = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero) },
            },
        },
    };

    /// <summary>Every typed field as it was sent.</summary>
    private void Same(InvestmentCall item, string id, string ordinal)
    {
        var part = item.InvestmentCallProp;
        Check(item.ContentItemId == id && item.ContentType == "InvestmentCall", $"{item.ContentType} {item.ContentItemId}");
        Check(item.TitlePart?.Title == $"Khu công nghiệp Sông Hậu {_marker} {ordinal}" && item.DisplayText == item.TitlePart.Title, $"title {item.TitlePart?.Title}");
        Check(part?.Location?.Text == "Châu Thành, Hậu Giang", $"Location {part?.Location?.Text}");
        Check(part!.Status?.Text == InvestmentCallStatusValue.DaCoNhaDauTu, $"Status {part.Status?.Text}");
        Check(part.Sector?.TermContentItemIds?.SequenceEqual([Sector]) == true, "Sector terms");
        Check(part.AreaHa?.Value == 120.5, $"AreaHa {part.AreaHa?.Value}");
        Check(part.Deadline?.Value == new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), $"Deadline {part.Deadline?.Value}");
        Check(part.Summary?.Text == "Kêu gọi đầu tư hạ tầng khu công nghiệp.", $"Summary {part.Summary?.Text}");
    }

    private InvestmentCall Created() => _created ?? throw new InvalidOperationException("nothing was created");

    private PortalsClient Client(string? token)
    {
        IAuthenticationProvider authentication = token is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(new StaticToken(token));
#pragma warning disable CA2000 // The adapter owns its HttpClient for the life of this short program.
        return new PortalsClient(new HttpClientRequestAdapter(authentication) { BaseUrl = baseUrl });
#pragma warning restore CA2000
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
