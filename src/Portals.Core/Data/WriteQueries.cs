using Microsoft.EntityFrameworkCore;

namespace Portals.Core.Data;

/// <summary>
/// The queries every save runs, compiled once. Through LINQ, EF Core 10 generated and JIT-compiled new dynamic
/// methods on each execution of these two (about six per saved item, counted with <c>JitInfo</c>), and their
/// finalization took a fifth of a bulk publish's CPU. A compiled query keeps one executor per model.
/// </summary>
internal static class WriteQueries
{
    /// <summary>An item's latest and published rows, tracked (the save demotes them).</summary>
    public static readonly Func<PortalsDbContext, string, IAsyncEnumerable<ContentItemRecord>> Versions =
        EF.CompileAsyncQuery((PortalsDbContext db, string id) =>
            db.ContentItems.AsTracking().Where(r => r.ContentItemId == id && (r.Latest || r.Published)));

    /// <summary>Whether another item's latest or published version holds <c>path</c>.</summary>
    public static readonly Func<PortalsDbContext, string, string, Task<bool>> PathTaken =
        EF.CompileAsyncQuery((PortalsDbContext db, string id, string path) =>
            db.ContentItems.Any(r => (r.Latest || r.Published) && r.ContentItemId != id && r.Path == path));
}
