using Portals.Core.Audit;

namespace Portals.Core.Data;

/// <summary>The audit port of the EF session: entries join the session's transaction and commit with its changes.</summary>
internal sealed partial class EfContentSession : IAuditTrail
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        AuditLog.Add(db, entry, clock.GetUtcNow().UtcDateTime);
    }
}
