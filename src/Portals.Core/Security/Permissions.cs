namespace Portals.Core.Security;

/// <summary>Permission names granted to roles by the <c>Roles</c> recipe step.</summary>
public static class Permissions
{
    public const string ViewContent = nameof(ViewContent);
    public const string PreviewContent = nameof(PreviewContent);
    public const string EditContent = nameof(EditContent);
    public const string PublishContent = nameof(PublishContent);
    public const string DeleteContent = nameof(DeleteContent);
    public const string ManageContentDefinitions = nameof(ManageContentDefinitions);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageApiClients = nameof(ManageApiClients);
    public const string ManageSearchIndex = nameof(ManageSearchIndex);
    public const string ManageSettings = nameof(ManageSettings);

    // The editors' workspace (Portals.Admin).
    public const string AccessAdminPanel = nameof(AccessAdminPanel);
    public const string EditOwnContent = nameof(EditOwnContent);
    public const string SubmitForReview = nameof(SubmitForReview);
    public const string ManageRoles = nameof(ManageRoles);
    public const string ManageTaxonomies = nameof(ManageTaxonomies);
    public const string ViewAuditLog = nameof(ViewAuditLog);

    public static readonly IReadOnlyList<string> All =
    [
        ViewContent, PreviewContent, EditContent, PublishContent, DeleteContent,
        ManageContentDefinitions, ManageUsers, ManageApiClients, ManageSearchIndex, ManageSettings,
        AccessAdminPanel, EditOwnContent, SubmitForReview, ManageRoles, ManageTaxonomies, ViewAuditLog,
    ];

    public const string AdministratorRole = "Administrator";

    /// <summary>
    /// The authorization policy granting one permission to a bearer-token caller. The module that provides API
    /// authentication registers one per name in <see cref="All"/>, so other modules can require it without knowing how.
    /// </summary>
    public static string Policy(string permission) => "permission:" + permission;
}
