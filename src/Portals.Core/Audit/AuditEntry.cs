namespace Portals.Core.Audit;

/// <summary>
/// One thing somebody did, to be recorded in the tenant's audit log: who (user name, or what they typed on a failed
/// sign-in), what (<see cref="AuditActions"/>), to what (<see cref="Subject"/>, e.g. <c>user:editor1</c> or a content
/// item id), from where (IP address) and any short detail. The time is the writer's clock.
/// </summary>
public sealed record AuditEntry(string Action, string? UserName, string? IpAddress, string? Subject = null, string? Detail = null);

/// <summary>The actions the audit log records. Stored as these strings; never rename one.</summary>
public static class AuditActions
{
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string LockedOut = nameof(LockedOut);
    public const string SignOut = nameof(SignOut);
    public const string PasswordChanged = nameof(PasswordChanged);

    public const string UserCreated = nameof(UserCreated);
    public const string UserDisabled = nameof(UserDisabled);
    public const string UserEnabled = nameof(UserEnabled);
    public const string UserRolesChanged = nameof(UserRolesChanged);
    public const string UserChanged = nameof(UserChanged);
    public const string RoleChanged = nameof(RoleChanged);
    public const string ApiClientChanged = nameof(ApiClientChanged);

    public const string ContentCreated = nameof(ContentCreated);
    public const string ContentEdited = nameof(ContentEdited);
    public const string ContentPublished = nameof(ContentPublished);
    public const string ContentUnpublished = nameof(ContentUnpublished);
    public const string ContentScheduled = nameof(ContentScheduled);
    public const string ContentDeleted = nameof(ContentDeleted);
    public const string ContentRestored = nameof(ContentRestored);
    public const string ContentSubmittedForReview = nameof(ContentSubmittedForReview);

    public const string MediaUploaded = nameof(MediaUploaded);
    public const string MediaDeleted = nameof(MediaDeleted);

    public const string SearchRebuildStarted = nameof(SearchRebuildStarted);

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, LockedOut, SignOut, PasswordChanged,
        UserCreated, UserDisabled, UserEnabled, UserRolesChanged, UserChanged, RoleChanged, ApiClientChanged,
        ContentCreated, ContentEdited, ContentPublished, ContentUnpublished, ContentScheduled, ContentDeleted,
        ContentRestored, ContentSubmittedForReview, MediaUploaded, MediaDeleted, SearchRebuildStarted,
    ];
}
