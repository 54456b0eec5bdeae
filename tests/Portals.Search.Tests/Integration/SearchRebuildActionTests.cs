using System.Net;
using System.Net.Http.Json;
using Portals.Search.Http;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>The administrator's online rebuild: permission-checked, with progress, and search still exact afterwards.</summary>
public sealed class SearchRebuildActionTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData(Caller.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Caller.OtherTenant, HttpStatusCode.Unauthorized)]
    [InlineData(Caller.NoPermission, HttpStatusCode.Forbidden)]
    public async Task StartRebuild_WithoutManageSearchIndex_Refused(Caller caller, HttpStatusCode expected)
    {
        using var client = await _kit.ClientAsAsync(caller, "cantho");
        using var response = await client.PostAsync("cantho/api/search/rebuild", null);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartRebuild_Administrator_CompletesWithProgressAndSameResults()
    {
        var before = await EventuallyAsync(factory, "kenh xang xa no", r => r.Total >= 6);
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant, "cantho");
        using var start = await client.PostAsync("cantho/api/search/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.NotNull(start.Headers.Location);

        RebuildStatus? status = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            status = await client.GetFromJsonAsync<RebuildStatus>("cantho/api/search/rebuild");
            if (status!.State != RebuildState.Running)
            {
                break;
            }
        }
        Assert.Equal(RebuildState.Completed, status!.State);
        Assert.True(status.Total >= 4);
        Assert.Equal(status.Total, status.Done);

        var after = await SearchAsync(factory, "kenh xang xa no");
        Assert.Equal(Ids(before), Ids(after));
    }
}
