namespace Portals.Admin.Areas.Admin.Pages;

/// <summary>The admin's home. Part B of the workspace puts the cooperation dashboard here.</summary>
public sealed class IndexModel : AdminPageModel;
