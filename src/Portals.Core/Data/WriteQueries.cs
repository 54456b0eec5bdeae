using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portals.Core.Data;

/// <summary>
/// The queries every save runs, compiled once per model (a compiled query refuses any other model, and one process
/// holds one per provider and contributor set). Through LINQ, EF Core 10 generated and JIT-compiled new dynamic methods
/// while executing these two, and their finalization showed as a large share of a bulk publish's CPU.
/// </summary>
internal static class WriteQueries
{
    private static readonly ConditionalWeakTable<IModel, Compiled> PerModel = new();

    /// <summary>An item's latest and published rows, tracked (the save demotes them).</summary>
    public static IAsyncEnumerable<ContentItemRecord> Versions(PortalsDbContext db, string id) => For(db).Versions(db, id);

    /// <summary>Whether another item's latest or published version holds <paramref name="path"/>.</summary>
    public static Task<bool> PathTaken(PortalsDbContext db, string id, string path) => For(db).PathTaken(db, id, path);

    private static Compiled For(PortalsDbContext db) => PerModel.GetValue(db.Model, static _ => new Compiled());

    private sealed class Compiled
    {
        public readonly Func<PortalsDbContext, string, IAsyncEnumerable<ContentItemRecord>> Versions =
            EF.CompileAsyncQuery((PortalsDbContext db, string id) =>
                db.ContentItems.AsTracking().Where(r => r.ContentItemId == id && (r.Latest || r.Published)));

        public readonly Func<PortalsDbContext, string, string, Task<bool>> PathTaken =
            EF.CompileAsyncQuery((PortalsDbContext db, string id, string path) =>
                db.ContentItems.Any(r => (r.Latest || r.Published) && r.ContentItemId != id && r.Path == path));
    }
}
