using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    private ContentDefinitionSet? _definitions;

    public async Task<ContentDefinitionSet> GetDefinitionsAsync(CancellationToken cancellationToken)
    {
        if (_definitions is not null)
        {
            return _definitions;
        }
        var json = await db.Documents.Where(d => d.Key == DocumentKeys.ContentDefinitions).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        _definitions = json is null ? ContentDefinitionSet.Empty : ContentDefinitionJson.Read(JsonDocument.Parse(json).RootElement);
        return _definitions;
    }

    public async Task SaveDefinitionsAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken)
    {
        await SaveDocumentAsync(DocumentKeys.ContentDefinitions, ContentDefinitionJson.Write(definitions), cancellationToken);
        _definitions = definitions;
    }

    public async Task<JsonNode?> GetDocumentAsync(string key, CancellationToken cancellationToken)
    {
        var json = await db.Documents.Where(d => d.Key == key).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonNode.Parse(json);
    }

    public async Task SaveDocumentAsync(string key, JsonNode value, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var json = value.ToJsonString(ContentItem.JsonOptions);
        var existing = await db.Documents.AsTracking().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (existing is null)
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = json, ModifiedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (existing.Json != json)
        {
            existing.Json = json;
            existing.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(long afterId, int max, CancellationToken cancellationToken) =>
        await db.ChangeLog.Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(max)
            .Select(c => new ChangeLogEntry(c.Id, c.ContentItemId, c.ContentType, c.Kind, c.CreatedUtc))
            .ToListAsync(cancellationToken);

    public async Task<long> GetLastChangeIdAsync(CancellationToken cancellationToken) =>
        await db.ChangeLog.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    private void Log(string contentItemId, string contentType, string kind, DateTime now) =>
        db.ChangeLog.Add(new ChangeLogRecord { ContentItemId = contentItemId, ContentType = contentType, Kind = kind, CreatedUtc = now });
}

/// <summary>Keys of the well-known documents each tenant stores.</summary>
public static class DocumentKeys
{
    public const string ContentDefinitions = "ContentDefinitions";
    public const string Site = "Site";
    public const string Roles = "Roles";
    public const string Setup = "Setup";
}
