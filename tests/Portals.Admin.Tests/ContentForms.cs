using System.Net;
using System.Text.RegularExpressions;
using Portals.Core.Content;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>The generated editor as a test posts it: the hidden fields read from the page, then the typed inputs.</summary>
public static partial class ContentForms
{
    /// <summary>A valid investment call as the form's inputs (input names are the store's field keys).</summary>
    public static List<KeyValuePair<string, string>> InvestmentCall(string title, string body = "<p>Kêu gọi đầu tư.</p>") =>
    [
        new("TitlePart.Title", title),
        new("HtmlBodyPart.Html", body),
        new("InvestmentCall.Summary", "Kêu gọi đầu tư hạ tầng khu công nghiệp."),
        new("InvestmentCall.Sector", "sector-giao-thong"),
        new("InvestmentCall.Location", "Châu Thành, Hậu Giang"),
        new("InvestmentCall.AreaHa", "120.5"),
        new("InvestmentCall.Status", "dang-keu-goi"),
        new("InvestmentCall.Deadline", "31/12/2030"),
    ];

    /// <summary>Opens the editor (new item when <paramref name="id"/> is null) and posts the inputs with a command.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(AdminClient client, string type, string? id, IEnumerable<KeyValuePair<string, string>> inputs,
        string command = "save", string? basedOn = null)
    {
        var page = id is null ? $"content/edit/{type}" : $"content/edit/{type}/{id}";
        using var form = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        var fields = inputs.ToList();
        fields.Add(new("itemId", Hidden(html, "itemId")));
        fields.Add(new("basedOn", basedOn ?? Hidden(html, "basedOn")));
        fields.Add(new("command", command));
        fields.Add(new("__RequestVerificationToken", AdminClient.Token(html)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(client.Url(page), content);
    }

    /// <summary>The id of the item a successful save redirected to.</summary>
    public static string SavedId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No hidden input {name}.");
        return match.Groups[1].Value;
    }

    public static async Task<ContentItem?> LatestAsync(PortalsFactory factory, string tenant, string id)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        return await session.GetAsync(id, VersionOptions.Latest, default);
    }

    public static async Task<ContentItem?> PublishedAsync(PortalsFactory factory, string tenant, string id)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        return await session.GetAsync(id, VersionOptions.Published, default);
    }

    /// <summary>The markup of one field of the editor (its wrapper div), to check what sits next to it.</summary>
    public static string FieldMarkup(string html, string key)
    {
        var start = html.IndexOf($"data-field=\"{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No field {key} in the page.");
        var end = html.IndexOf("data-field=", start + 12, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> inputs, string key, string value) =>
        [.. inputs.Where(i => i.Key != key), new(key, value)];
}
