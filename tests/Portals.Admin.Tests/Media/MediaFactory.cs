using System.Net.Http.Headers;
using System.Text.Json;
using Portals.Testing;

namespace Portals.Admin.Tests.Media;

/// <summary>Both portals with small upload limits (64 KB documents, 32 KB images), so an oversized file stays small.</summary>
public sealed class MediaFactory : PortalsFactory
{
    public const int MaxDocumentBytes = 64 * 1024;
    public const int MaxImageBytes = 32 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portals:Media:MaxDocumentBytes", MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Portals:Media:MaxImageBytes", MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Every file under the tenant's data folder that is not its database: what an upload left behind.</summary>
    public IReadOnlyList<string> StoredFiles(string tenant)
    {
        var folder = Tenant(tenant).DataFolder;
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("portals.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>Uploads as the picker does: multipart, the token in the header, JSON answers.</summary>
public static class MediaUpload
{
    public static async Task<HttpResponseMessage> PostAsync(AdminClient client, string fileName, byte[] bytes, string folder = "", bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, client.Url("media/upload?folder=" + Uri.EscapeDataString(folder))) { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", await client.TokenAsync("media"));
        }
        return await client.Http.SendAsync(request);
    }

    /// <summary>The problem's <c>detail</c>: the message the editor reads.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.TryGetProperty("traceId", out _), "no traceId");
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    public static async Task<JsonElement> StoredAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
