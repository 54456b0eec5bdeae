using Microsoft.AspNetCore.Builder;

namespace Portals.Core.Http;

/// <summary>
/// What a route parameter really accepts, for the OpenAPI document. Handlers read some parameters as text so that a bad
/// value gets their own message (a 400 naming the parameter) rather than a bare binding failure; this says what the
/// text must be: an integer in a range, one of a few values, a date-time, a pattern, a length.
/// </summary>
public sealed record ApiParameterDoc(string Name, string Type = "string")
{
    public string? Format { get; init; }
    public long? Minimum { get; init; }
    public long? Maximum { get; init; }
    public string? Default { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public string? Pattern { get; init; }
    public int? MaxLength { get; init; }
    public string? Description { get; init; }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static ApiParameterDoc WholeNumber(string name, long minimum, long maximum, long @default) =>
        new(name, "integer") { Format = "int32", Minimum = minimum, Maximum = maximum, Default = @default.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public static class ApiParameterDocExtensions
{
    public static TBuilder WithParameterDoc<TBuilder>(this TBuilder builder, params ApiParameterDoc[] parameters)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata([.. parameters]);
}
