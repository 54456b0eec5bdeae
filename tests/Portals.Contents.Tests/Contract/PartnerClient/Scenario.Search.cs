namespace Partner.Client;

/// <summary>The shared search as a partner's search box uses it: results, approximate results, suggestions.</summary>
internal sealed partial class Scenario
{
    private async Task SearchAsync()
    {
        // The index follows the change log in the background: poll with a deadline.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var results = await Client(null).Api.Search.GetAsync(r =>
            {
                r.QueryParameters.Q = _marker;
                r.QueryParameters.Tenant = "haugiang";
                r.QueryParameters.PageSize = 10;
            });
            var hit = results?.Items?.FirstOrDefault(i => i.ContentItemId == Created().ContentItemId);
            if (hit is not null && results!.Total == 2)
            {
                Check(hit.Tenant == "haugiang" && hit.ContentType == "InvestmentCall", $"hit {hit.Tenant}/{hit.ContentType}");
                Check(hit.Title == Created().TitlePart?.Title, $"hit title {hit.Title}");
                Check(hit.Sector?.Contains(Sector) == true, "hit without its sector");
                Check(hit.PublishedUtc is not null && hit.Score > 0, "hit without date or score");
                Check(results.Page == 1 && results.PageSize == 10 && results.Relaxed == false, $"paging {results.Page}/{results.PageSize}, relaxed {results.Relaxed}");
                break;
            }
            Check(DateTime.UtcNow < deadline, $"not found by search within 2 minutes (total {results?.Total})");
            await Task.Delay(500);
        }

        // A word nothing holds: the same items come back as approximate results, the word named.
        var relaxed = await Client(null).Api.Search.GetAsync(r =>
        {
            r.QueryParameters.Q = _marker + " zqxwvj";
            r.QueryParameters.Tenant = "haugiang";
        });
        Check(relaxed?.Relaxed == true && relaxed.UnmatchedWords?.SequenceEqual(["zqxwvj"]) == true, $"relaxed {relaxed?.Relaxed}, unmatched {string.Join(", ", relaxed?.UnmatchedWords ?? [])}");
        Check(relaxed!.Items?.Any(i => i.ContentItemId == Created().ContentItemId) == true, "the relaxed search lost the item");
    }

    private async Task SuggestAsync()
    {
        var suggestions = await Client(null).Api.Search.Suggest.GetAsync(r =>
        {
            r.QueryParameters.Q = _marker;
            r.QueryParameters.Tenant = "haugiang";
        });
        Check(suggestions?.Query == _marker, $"query {suggestions?.Query}");
        var title = suggestions!.Titles?.FirstOrDefault(t => t.ContentItemId == Created().ContentItemId);
        Check(title is not null, $"not suggested among {suggestions.Titles?.Count} titles");
        Check(title!.Title == Created().TitlePart?.Title && title.Tenant == "haugiang" && !string.IsNullOrEmpty(title.Url), $"suggested {title.Title} {title.Tenant} {title.Url}");
    }
}
