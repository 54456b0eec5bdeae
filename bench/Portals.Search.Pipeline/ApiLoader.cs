using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portals.Search.Bench;

/// <summary>
/// Loads the realistic corpus through the JSON API, as another site would: a client-credentials token per portal,
/// then one POST per item (published), a few requests in flight.
/// </summary>
internal static class ApiLoader
{
    public static async Task<int> RunAsync(string baseUrl, string secret, int news, int calls, int parallel)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in Corpus.Tenants)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "portals-cli", ["client_secret"] = secret,
            });
            using var response = await http.PostAsync($"/{tenant}/connect/token", form);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            tokens[tenant] = json.RootElement.GetProperty("access_token").GetString()!;
        }

        var corpus = new ZipfCorpus(seed: 20261127);
        // Generated up front (the generator is sequential), posted in parallel.
        var documents = Enumerable.Range(0, news).Select(corpus.Next).Concat(Enumerable.Range(0, calls).Select(corpus.NextCall)).ToList();
        var clock = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (document, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/{document.Tenant}/api/content")
            {
                Content = JsonContent.Create(Items.ToJson(document)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[document.Tenant]);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode && Interlocked.Increment(ref failures) <= 3)
            {
                Console.Error.WriteLine($"{document.ContentItemId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        Console.WriteLine($"| loaded through the API | {documents.Count:N0} items ({news:N0} news, {calls:N0} investment calls) in {clock.Elapsed.TotalSeconds:N1} s, " +
            $"{documents.Count / clock.Elapsed.TotalSeconds:N0} items/s, {parallel} in flight, {failures} failed |");
        return failures == 0 ? 0 : 1;
    }
}
