using Portals.Core.Tenants;

namespace Portals.Core.Content;

/// <summary>Opens units of work on one tenant's content. The port behind which storage providers sit.</summary>
public interface IContentStore
{
    Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken);
}

/// <summary>
/// A unit of work on one tenant: every narrow port over one transaction, committed by <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back. Code that needs only one concern should take that port.
/// </summary>
public interface IContentSession
    : IContentReader, IContentWriter, IContentChangeLog, IPublishingScheduler, IContentDefinitionStore, IDocumentStore, IAsyncDisposable
{
    TenantContext Tenant { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
