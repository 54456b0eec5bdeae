namespace Portals.Search;

/// <summary>
/// One write to the index for one tenant, committed with <paramref name="Cursor"/> (the tenant's change-log position
/// it brings the index to). An id upserted twice keeps its last version; an id also set aside or deleted ends so.
/// </summary>
public sealed record SearchBatch(string Tenant, long Cursor)
{
    public IReadOnlyCollection<SearchDocument> Upserts { get; init; } = [];

    /// <summary>
    /// Published items that cannot be indexed: any indexed version is removed (it no longer shows what is published)
    /// and the reason is kept until a later batch upserts or deletes the id.
    /// </summary>
    public IReadOnlyCollection<SetAsideDocument> SetAside { get; init; } = [];

    public IReadOnlyCollection<string> Deletes { get; init; } = [];
}

/// <summary>A published item the index could not hold, and why (an exception message, never content).</summary>
public sealed record SetAsideDocument(string ContentItemId, string Reason);

/// <summary>
/// What the index holds for one tenant. <paramref name="SetAside"/> lists at most
/// <see cref="MaxSetAsideRecorded"/> entries; more are logged only.
/// </summary>
public sealed record SearchIndexStatus(string Tenant, long Cursor, long Documents, IReadOnlyList<SetAsideDocument> SetAside)
{
    public const int MaxSetAsideRecorded = 1000;

    /// <summary>Longest reason kept; longer ones are cut.</summary>
    public const int MaxReasonLength = 300;
}
