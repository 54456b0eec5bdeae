using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Core.Recipes;

/// <summary>
/// Orchard Core's <c>content</c> step: one object per version. Items need a <c>ContentItemId</c>, so that applying the
/// recipe again updates them instead of duplicating them. The versions an item lists are its whole state: its
/// published version (if any) is imported first, then its draft; an item listed without a published version is
/// withdrawn from publication, so that an export imported elsewhere ends exactly as it was exported.
/// </summary>
public sealed class ContentStep : IRecipeStepHandler
{
    public string Name => "content";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        if (Recipe.Property(step.Data, "data") is not { ValueKind: JsonValueKind.Array } data)
        {
            throw new RecipeStepException("Bước 'content' cần một mảng 'data'.");
        }
        var versions = Read(data);
        var done = 0;
        foreach (var item in versions.GroupBy(v => v.ContentItemId, StringComparer.Ordinal))
        {
            var published = item.Where(v => v.Published).ToList();
            var drafts = item.Where(v => !v.Published).ToList();
            if (published.Count > 1 || drafts.Count > 1)
            {
                throw new RecipeStepException("Một mục chỉ có tối đa một phiên bản đã công bố và một bản nháp.", item.Key, "Published");
            }
            foreach (var version in published.Concat(drafts))
            {
                await SaveAsync(context, version, cancellationToken);
            }
            if (published.Count == 0)
            {
                await context.Session.UnpublishAsync(item.Key, cancellationToken);
            }
            done += published.Count + drafts.Count;
            context.Report(step, done, versions.Count);
        }
    }

    private static List<ContentItem> Read(JsonElement data)
    {
        var versions = new List<ContentItem>();
        var position = 0;
        foreach (var element in data.EnumerateArray())
        {
            position++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeStepException($"Mục thứ {position} trong 'data' không phải là một đối tượng JSON.", $"#{position}");
            }
            var item = new ContentItem((JsonObject)JsonNode.Parse(element.GetRawText())!);
            if (string.IsNullOrEmpty(item.ContentItemId))
            {
                throw new RecipeStepException("Thiếu 'ContentItemId': cần có mã để áp dụng lại công thức mà không tạo bản trùng.", $"#{position}", "ContentItemId");
            }
            versions.Add(item);
        }
        return versions;
    }

    private static async Task SaveAsync(RecipeContext context, ContentItem version, CancellationToken cancellationToken)
    {
        try
        {
            await context.Session.SaveAsync(version, SaveRequest.Import, cancellationToken);
        }
        catch (ContentValidationException ex)
        {
            throw new RecipeStepException(string.Join(" ", ex.Errors.Select(e => $"[{e.Key}] {e.Message}")), version.ContentItemId, ex.Errors[0].Key);
        }
    }
}
