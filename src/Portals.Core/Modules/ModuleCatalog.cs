using Microsoft.Extensions.DependencyInjection;

namespace Portals.Core.Modules;

/// <summary>The modules compiled into the host. It holds manifests only, never tenant data.</summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleManifest> _modules;

    public ModuleCatalog(IEnumerable<ModuleManifest> manifests) =>
        _modules = manifests.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ModuleManifest> All => _modules.Values;

    public ModuleManifest? Find(string id) => _modules.GetValueOrDefault(id);

    /// <summary>The given features plus everything they depend on, dependencies first.</summary>
    public IReadOnlyList<ModuleManifest> WithDependencies(IEnumerable<string> ids)
    {
        var ordered = new List<ModuleManifest>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            Visit(id, ordered, seen, depth: 0);
        }
        return ordered;
    }

    private void Visit(string id, List<ModuleManifest> ordered, HashSet<string> seen, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"Module dependencies form a cycle at '{id}'.");
        }
        if (!seen.Add(id))
        {
            return;
        }
        var manifest = Find(id) ?? throw new UnknownFeatureException(id);
        foreach (var dependency in manifest.Dependencies)
        {
            Visit(dependency, ordered, seen, depth + 1);
        }
        ordered.Add(manifest);
    }
}

public sealed class UnknownFeatureException(string id) : Exception($"Không có tính năng (feature) '{id}'.")
{
    public string FeatureId { get; } = id;
}

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Registers a module's manifest so the catalog, recipes and feature checks know it.</summary>
    public static IServiceCollection AddModuleManifest(this IServiceCollection services, ModuleManifest manifest) =>
        services.AddSingleton(manifest);
}
