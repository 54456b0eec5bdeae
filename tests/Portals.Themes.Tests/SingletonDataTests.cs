using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Testing;
using Portals.Themes.Content;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Tests;

/// <summary>
/// The module's singletons hold configuration only, except the one documented in ARCHITECTURE.md: the vocabulary
/// cache (definitions and published sector names per tenant, replaced after every write).
/// </summary>
public sealed class SingletonDataTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public void Singletons_HoldNoTenantData_ExceptTheVocabularyCache()
    {
        Type[] dataTypes = [typeof(ContentItem), typeof(JsonNode), typeof(ContentDefinitionSet), typeof(Vocabulary), typeof(ItemView), typeof(CardView)];
        var offenders = new List<string>();
        var checkedTypes = 0;
        foreach (var type in typeof(Manifest).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters && !t.IsAbstract && IsSingletonService(t)))
        {
            checkedTypes++;
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                var elementTypes = field.FieldType.IsGenericType ? field.FieldType.GetGenericArguments().SelectMany(Expand) : Expand(field.FieldType);
                if (elementTypes.Any(t => dataTypes.Any(d => d.IsAssignableFrom(t))))
                {
                    offenders.Add($"{type.Name}.{field.Name}");
                }
            }
        }
        Assert.True(checkedTypes >= 6, $"Only {checkedTypes} singletons found.");
        Assert.Equal(["VocabularyCache._entries"], offenders);
    }

    /// <summary>A field's type plus, for records and generic containers, the types they hold (one level deep).</summary>
    private static IEnumerable<Type> Expand(Type type) =>
        new[] { type }.Concat(type.IsGenericType ? type.GetGenericArguments() : [])
            .Concat(type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Select(p => p.PropertyType)
                .Where(t => !typeof(IEnumerable).IsAssignableFrom(t) || t.IsGenericType));

    private bool IsSingletonService(Type type) =>
        factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(type)) is IEnumerable instances && instances.Cast<object>().Any()
        || type.GetInterfaces().Any(i => !i.ContainsGenericParameters
            && factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(i)) is IEnumerable all && all.Cast<object>().Any(o => o.GetType() == type));
}
