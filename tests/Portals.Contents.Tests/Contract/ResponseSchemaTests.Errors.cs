using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>Errors as documented, and proof that the schema check can fail.</summary>
public sealed partial class ResponseSchemaTests
{
    [Fact]
    public async Task EveryKindOfError_MatchesTheDocumentedProblem()
    {
        var document = await DocumentAsync("haugiang");
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-hop-dong-loi", "Dự án thử lỗi"));
        using var anonymous = _kit.Client();
        using var writer = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var reader = await _kit.ClientAsAsync(Caller.NoPermission);
        var invalid = ApiTestKit.InvestmentCall("hg-hop-dong-sai");
        invalid["InvestmentCall"]!.AsObject().Remove("Location");
        using var stale = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content/hg-hop-dong-loi/publish");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"cu\""));

        var cases = new (string Path, string Method, HttpStatusCode Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("/api/content/{contentItemId}", "get", HttpStatusCode.NotFound, () => anonymous.GetAsync("haugiang/api/content/khong-co")),
            ("/api/content/{contentItemId}", "get", HttpStatusCode.BadRequest, () => anonymous.GetAsync("haugiang/api/content/hg-hop-dong-loi?version=cu")),
            ("/api/content/{contentItemId}", "get", HttpStatusCode.Unauthorized, () => anonymous.GetAsync("haugiang/api/content/hg-hop-dong-loi?version=latest")),
            ("/api/content", "get", HttpStatusCode.BadRequest, () => anonymous.GetAsync("haugiang/api/content?pageSize=1000")),
            ("/api/content", "post", HttpStatusCode.BadRequest, () => writer.PostAsync("haugiang/api/content", ApiTestKit.Json(invalid))),
            ("/api/content", "post", HttpStatusCode.Forbidden, () => reader.PostAsync("haugiang/api/content", ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-x")))),
            ("/api/content/{contentItemId}/publish", "post", HttpStatusCode.PreconditionFailed, () => writer.SendAsync(stale)),
            ("/api/content/by-path", "get", HttpStatusCode.NotFound, () => anonymous.GetAsync("haugiang/api/content/by-path?path=khong/co")),
        };
        foreach (var (path, method, status, send) in cases)
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {body}");
            Assert.Equal(Problem, response.Content.Headers.ContentType?.MediaType);
            document.AssertResponse(path, method, (int)status, Problem, body);
        }
    }

    [Fact]
    public async Task Validator_RejectsWhatTheWireDoesNotCarry()
    {
        var document = await DocumentAsync("haugiang");
        var item = JsonNode.Parse(await GetAsync(_kit.Client(), "haugiang/api/content/hg-du-an-ql61c"))!.AsObject();
        var schema = new JsonObject { ["$ref"] = "#/components/schemas/ContentItem" };
        Assert.True(document.Evaluate(schema, item).IsValid);

        // The camelCase shape the old document promised.
        var camel = new JsonObject(item.Select(p => KeyValuePair.Create(char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p.Value?.DeepClone())));
        Assert.False(document.Evaluate(schema, camel).IsValid);
        // A status outside its options, and a key project without its required status.
        var wrong = (JsonObject)item.DeepClone();
        wrong["KeyProject"]!["Status"]!["Text"] = "khong-ro";
        Assert.False(document.Evaluate(schema, wrong).IsValid);
        var missing = (JsonObject)item.DeepClone();
        missing["KeyProject"]!.AsObject().Remove("Status");
        Assert.False(document.Evaluate(schema, missing).IsValid);
        // An unknown part is kept as sent, so it is allowed.
        var extra = (JsonObject)item.DeepClone();
        extra["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "# Tiêu đề" };
        Assert.True(document.Evaluate(schema, extra).IsValid);
    }
}
