using Portals.Core.Content;

namespace Portals.Core.Audit;

/// <summary>
/// Appends to the tenant's audit log inside the current unit of work: the entry is committed with the change it
/// records, or rolled back with it. The log is append-only; there is no update or delete.
/// </summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}

public static class AuditTrailExtensions
{
    /// <summary>
    /// The audit port of a content session, writing in the session's own transaction
    /// (<c>session.Audit().AppendAsync(entry, ct)</c>, then <c>session.CommitAsync</c>).
    /// </summary>
    public static IAuditTrail Audit(this IContentSession session) =>
        session as IAuditTrail
        ?? throw new NotSupportedException($"The content store session {session.GetType().Name} has no audit trail.");
}
