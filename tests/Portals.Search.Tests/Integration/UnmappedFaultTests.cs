using System.Net;
using System.Text.Json;

namespace Portals.Search.Tests.Integration;

/// <summary>
/// ARCHITECTURE.md: errors are ProblemDetails from one mapping, and anything it does not map is a real 500, never a
/// 4xx that would hide a bug from monitoring. The faults come from inside the search engine, behind a validated request.
/// </summary>
public sealed class UnmappedFaultTests(FaultyIndexFactory factory) : IClassFixture<FaultyIndexFactory>
{
    [Theory]
    [InlineData("faultinvalid")]
    [InlineData("faultrange")]
    [InlineData("faulttimeout")]
    public async Task FaultInsideTheEngine_IsA500ProblemWithATraceId(string word)
    {
        Assert.True(FaultyIndex.Faults.ContainsKey(word));
        using var response = await factory.CreateClient().GetAsync($"/haugiang/api/search?q={word}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
        // The fault's own text stays in the log, not in the answer.
        Assert.DoesNotContain("engine", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatedBadInput_IsStillA400()
    {
        using var response = await factory.CreateClient().GetAsync("/haugiang/api/search?q=kenh&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
