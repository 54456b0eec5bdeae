using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Issue 7, defect 8: a body that is not valid UTF-8 is a 400 problem, never a 500, and nothing is saved.</summary>
public sealed class EncodingTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    /// <summary>A valid item, with "@" where the raw 0xFF byte goes.</summary>
    public static TheoryData<string, string> Bodies => new()
    {
        { "title", "{\"ContentItemId\":\"hg-utf8\",\"ContentType\":\"InvestmentCall\",\"TitlePart\":{\"Title\":\"Khu c@ng nghiệp\"}}" },
        { "id", "{\"ContentItemId\":\"hg-utf8@\",\"ContentType\":\"InvestmentCall\",\"TitlePart\":{\"Title\":\"x\"}}" },
        { "type", "{\"ContentItemId\":\"hg-utf8\",\"ContentType\":\"Investment@Call\",\"TitlePart\":{\"Title\":\"x\"}}" },
        { "path", "{\"ContentItemId\":\"hg-utf8\",\"ContentType\":\"InvestmentCall\",\"TitlePart\":{\"Title\":\"x\"},\"AutoroutePart\":{\"Path\":\"dau-tu/@\"}}" },
        { "property name", "{\"ContentItemId\":\"hg-utf8\",\"ContentType\":\"InvestmentCall\",\"Title@Part\":{\"Title\":\"x\"}}" },
        { "overlong", "{\"ContentItemId\":\"hg-utf8\",\"ContentType\":\"InvestmentCall\",\"TitlePart\":{\"Title\":\"\u00c0\u00af@\"}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Upsert_InvalidUtf8_Gets400ProblemAndSavesNothing(string where, string template)
    {
        var bytes = Encode(template);
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("haugiang/api/content", content);
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        using var saved = await client.GetAsync("haugiang/api/content/hg-utf8?version=latest");
        Assert.True(saved.StatusCode == HttpStatusCode.NotFound, $"{where}: the item was saved");
    }

    /// <summary>UTF-8 of the template, with "@" turned into 0xFF and the two "overlong" chars into raw bytes C0 AF.</summary>
    private static byte[] Encode(string template)
    {
        var bytes = new List<byte>();
        foreach (var c in template)
        {
            bytes.AddRange(c switch
            {
                '@' => [0xFF],
                '\u00c0' => [0xC0],
                '\u00af' => [0xAF],
                _ => Encoding.UTF8.GetBytes(c.ToString()),
            });
        }
        return [.. bytes];
    }
}
