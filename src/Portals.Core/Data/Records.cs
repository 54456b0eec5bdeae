namespace Portals.Core.Data;

/// <summary>One version of a content item: the JSON document plus the columns that queries use.</summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }

    /// <summary>Lowercase, without diacritics, for accent-insensitive filtering.</summary>
    public string? DisplayTextFolded { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Path { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>When set on a draft, the scheduler publishes it at that time.</summary>
    public DateTime? PublishAtUtc { get; set; }

    /// <summary>When the draft was submitted for review (<c>ReviewPart.SubmittedUtc</c>); null when it was not.</summary>
    public DateTime? SubmittedForReviewUtc { get; set; }
    public string Json { get; set; } = "";
    public List<ContentTermRecord> Terms { get; set; } = [];
}

/// <summary>Index of taxonomy terms a version holds, for filtering by sector.</summary>
public sealed class ContentTermRecord
{
    public long Id { get; set; }
    public long ContentItemRecordId { get; set; }
    public string Field { get; set; } = "";
    public string TermContentItemId { get; set; } = "";
}

/// <summary>
/// Append-only log of changes to what is published, written in the same transaction as the change.
/// Derived indexes follow it with a cursor on <see cref="Id"/>.
/// </summary>
public sealed class ChangeLogRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A named JSON document: site settings, roles, enabled features, content definitions.</summary>
public sealed class DocumentRecord
{
    public string Key { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime ModifiedUtc { get; set; }
}

public sealed class UserRecord
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public string Roles { get; set; } = "[]";
    public bool Enabled { get; set; } = true;
    public string SecurityStamp { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Failed sign-ins in a row; reset by a successful one or when a lockout starts.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>Sign-in is refused until then, even with the right password.</summary>
    public DateTime? LockoutEndUtc { get; set; }
}

public static class ChangeKinds
{
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Deleted = "Deleted";
}
