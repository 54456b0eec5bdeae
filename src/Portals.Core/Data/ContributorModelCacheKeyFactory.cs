using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portals.Core.Data;

/// <summary>
/// EF caches one model per context type; a <see cref="PortalsDbContext"/> built with other model contributors (a test
/// store without a module's tables, then one with them) would silently reuse the first model. The key includes them.
/// </summary>
internal sealed class ContributorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is PortalsDbContext portals
            ? (context.GetType(), portals.ContributorsKey, context.Database.ProviderName, designTime)
            : (context.GetType(), designTime);
}
