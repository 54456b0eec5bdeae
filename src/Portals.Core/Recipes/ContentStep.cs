using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Core.Recipes;

/// <summary>
/// Orchard Core's <c>content</c> step: imports each item of <c>data</c>. Items need a <c>ContentItemId</c>,
/// so that applying the recipe again updates them instead of duplicating them.
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
        var position = 0;
        foreach (var element in data.EnumerateArray())
        {
            position++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeStepException($"Mục thứ {position} trong 'data' không phải là một đối tượng JSON.", $"#{position}");
            }
            var item = new ContentItem((JsonObject)JsonNode.Parse(element.GetRawText())!);
            var id = string.IsNullOrEmpty(item.ContentItemId) ? $"#{position}" : item.ContentItemId;
            if (string.IsNullOrEmpty(item.ContentItemId))
            {
                throw new RecipeStepException("Thiếu 'ContentItemId': cần có mã để áp dụng lại công thức mà không tạo bản trùng.", id, "ContentItemId");
            }
            try
            {
                await context.Session.SaveAsync(item, SaveMode.Import, cancellationToken);
            }
            catch (ContentValidationException ex)
            {
                throw new RecipeStepException(string.Join(" ", ex.Errors.Select(e => $"[{e.Key}] {e.Message}")), id, ex.Errors[0].Key);
            }
        }
    }
}
