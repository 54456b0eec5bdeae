using System.Buffers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Validation;

namespace Portals.Contents.Endpoints;

/// <summary>Request helpers shared by the slices: ids, cache choice, bounded body reading, per-item write locks.</summary>
public static class ApiRequest
{
    /// <summary>Duplicate properties are rejected while parsing; otherwise JsonObject throws on first access (a 500).</summary>
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };
    private static readonly SemaphoreSlim[] Locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static bool IsAuthenticated(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value;

    /// <summary>Anonymous reads may sit in shared caches; a token holder's reads may not.</summary>
    public static CachePolicy ReadCache(ClaimsPrincipal user) => user.IsAuthenticated() ? CachePolicy.Private : CachePolicy.Public;

    /// <summary>The <c>contentItemId</c> route value, for the OpenAPI document (<see cref="CheckId"/> enforces it).</summary>
    public static readonly Portals.Core.Http.ApiParameterDoc IdDoc = new("contentItemId") { Pattern = ContentIds.Pattern };

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? CheckId(string? id) =>
        ContentIds.IsValid(id) ? null : ApiProblems.BadRequest("Invalid content item id.",
            "A content item id has 1 to 64 characters: letters, digits, '-' or '_'.");

    /// <summary>
    /// Reads the body up to the configured limit and parses it. Too large, malformed and non-object bodies throw
    /// exceptions that the central <c>ExceptionProblemMapper</c> turns into 400 problems.
    /// </summary>
    public static async Task<JsonObject> ReadJsonObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }
        if (buffer.WrittenCount == 0)
        {
            throw new JsonException("The request body is empty; send a content item as a JSON object.");
        }
        CheckUtf8(buffer.WrittenSpan);
        var node = JsonNode.Parse(buffer.WrittenSpan, documentOptions: ReaderOptions);
        CheckStrings(buffer.WrittenSpan);
        return node as JsonObject ?? throw new JsonException("A content item must be a JSON object.");
    }

    /// <summary>
    /// The parser does not check the bytes inside strings and property names; an invalid sequence (a raw 0xFF) would
    /// only fail when the string is read, deep in the save, as a 500. JSON text is UTF-8 (RFC 8259), so check it all.
    /// </summary>
    private static void CheckUtf8(ReadOnlySpan<byte> json)
    {
        if (Utf8.IsValid(json))
        {
            return;
        }
        var offset = 0;
        while (Rune.DecodeFromUtf8(json[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        throw new JsonException($"The request body is not valid UTF-8 (invalid byte sequence at byte {offset}); send JSON encoded as UTF-8.");
    }

    /// <summary>
    /// The parser accepts escaped lone surrogates ("\ud800") and only fails when the string is read, deep in the
    /// save; reading every string once here turns that into a 400 instead of a 500.
    /// </summary>
    private static void CheckStrings(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ReaderOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"Invalid text at byte {reader.TokenStartIndex}: {ex.Message}", ex);
        }
    }

    /// <summary>Metadata must have the JSON type Orchard Core gives it; otherwise an id sent as a number would silently mint a new item.</summary>
    public static void CheckMetadataTypes(JsonObject posted)
    {
        var errors = new List<FieldError>();
        foreach (var name in new[] { "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Owner", "Author", "ModifiedUtc", "PublishedUtc", "CreatedUtc" })
        {
            if (posted[name] is { } node && node.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new(name, $"'{name}' phải là chuỗi ký tự."));
            }
        }
        foreach (var name in new[] { "Latest", "Published" })
        {
            if (posted[name] is { } node && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(new(name, $"'{name}' phải là true hoặc false."));
            }
        }
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    /// <summary>
    /// Serializes writes to one item inside this node, so an If-Match check and the save that follows cannot
    /// interleave with another writer of the same item.
    /// </summary>
    public static async Task<IDisposable> LockItemAsync(string tenant, string contentItemId, CancellationToken cancellationToken)
    {
        var semaphore = Locks[(StringComparer.Ordinal.GetHashCode(tenant + "/" + contentItemId) & int.MaxValue) % Locks.Length];
        await semaphore.WaitAsync(cancellationToken);
        return new Releaser(semaphore);
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The request body is larger than the limit of {maxBytes} bytes (Portals:Api:MaxBodyBytes).", StatusCodes.Status400BadRequest);

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
