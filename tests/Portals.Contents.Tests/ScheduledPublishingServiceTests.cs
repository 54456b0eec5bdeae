using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>
/// The background service itself (not <c>PublishDueAsync</c> called by a test) publishes a due schedule: a running node
/// needs nobody to act for a scheduled item to go live. Its timer ticks every 15 s, so the poll allows a minute.
/// </summary>
public sealed class ScheduledPublishingServiceTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task ScheduledDraft_GoesLiveOnTheServicesOwnTick()
    {
        const string id = "hg-tin-hen-gio-nen";
        // The first call fetches a token; doing it first keeps the schedule below in the future when it is saved.
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-khoi-dong"), draft: true);
        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = "NewsArticle",
            ["TitlePart"] = new JsonObject { ["Title"] = "Tin hẹn giờ về kênh Xà No" },
            ["NewsArticle"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt tin." } },
            ["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddSeconds(10).ToString("O") },
        };
        var saved = await _kit.UpsertAsync(item, draft: true);
        Assert.NotNull(saved["PublishLaterPart"]?["ScheduledPublishUtc"]);
        Assert.False(saved["Published"]!.GetValue<bool>());
        using var anonymous = _kit.Client();
        using (var before = await anonymous.GetAsync($"haugiang/api/content/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await anonymous.GetAsync($"haugiang/api/content/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var published = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal("Tin hẹn giờ về kênh Xà No", published["DisplayText"]!.GetValue<string>());
                Assert.True(published["Published"]!.GetValue<bool>());
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The scheduled item was not published by the service within 60 s.");
            await Task.Delay(250);
        }
    }
}
