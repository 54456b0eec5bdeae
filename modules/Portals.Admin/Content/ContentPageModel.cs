using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portals.Core.Definitions;

namespace Portals.Admin.Content;

/// <summary>Base of the content pages: their texts (<see cref="ContentText"/>), the acting user, the listable types.</summary>
public abstract class ContentPageModel : AdminPageModel
{
    private IStringLocalizer<ContentText>? _text;

    protected IStringLocalizer<ContentText> C => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ContentText>>();

    public ContentActor Actor => ContentActor.Of(CurrentUser, ClientAddress);

    /// <summary>A refused action: back to the access-denied page.</summary>
    protected IActionResult Refused() => Denied();

    /// <summary>
    /// The types editors list and create: those marked Listable, except taxonomies (edited on the sectors page) and
    /// term types.
    /// </summary>
    public static IReadOnlyList<ContentTypeDefinition> ListableTypes(ContentDefinitionSet definitions) =>
        definitions.Types.Values
            .Where(t => Setting(t, "Listable") is { ValueKind: JsonValueKind.True } && !t.HasPart("TaxonomyPart")
                && Setting(t, "Stereotype") is not { ValueKind: JsonValueKind.String })
            .OrderBy(t => t.DisplayName, StringComparer.CurrentCulture)
            .ToList();

    private static JsonElement? Setting(ContentTypeDefinition type, string name) =>
        type.Settings.ValueKind == JsonValueKind.Object && type.Settings.TryGetProperty("ContentTypeSettings", out var settings)
            && settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var value) ? value : null;
}
