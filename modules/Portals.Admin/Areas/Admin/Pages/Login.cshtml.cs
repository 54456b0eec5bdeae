using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portals.Admin.Http;
using Portals.Admin.Identity;

namespace Portals.Admin.Areas.Admin.Pages;

/// <summary>
/// Sign-in with user name and password (<see cref="PasswordSignIn"/>: lockout and audit). On success the browser
/// goes back to <see cref="ReturnUrl"/> when it is a page of this tenant's admin (after an expired session it carries
/// <c>resume=1</c> for a refused POST, so that page refills its form).
/// </summary>
public sealed class LoginModel(PasswordSignIn signIn, IOptions<AdminOptions> options) : AdminPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var session = await HttpContext.AuthenticateAsync(AdminAuthentication.Scheme);
        return session.Succeeded ? Redirect(Next()) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            AddError("Input.UserName", "SignIn.UserNameRequired");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            AddError("Input.Password", "SignIn.PasswordRequired");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.SignInAsync(Tenant, Input.UserName!.Trim(), Input.Password!, ClientAddress, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(AdminAuthentication.Scheme, AdminClaims.Create(Tenant, result.User!),
                    new AuthenticationProperties { IsPersistent = false });
                return Redirect(Next());
            case SignInOutcome.LockedOut:
                Error = T["SignIn.LockedOut", options.Value.LockoutMinutes, AdminFormat.Timestamp(result.LockedUntilUtc)];
                break;
            case SignInOutcome.Disabled:
                Error = T["SignIn.Disabled"];
                break;
            case SignInOutcome.NoAdminAccess:
                Error = T["SignIn.NoAdminAccess"];
                break;
            default:
                Error = T["SignIn.Failed"];
                break;
        }
        return Page();
    }

    private string Next() => AdminPaths.IsSafeReturnUrl(HttpContext, ReturnUrl) ? ReturnUrl! : AdminPaths.Root(HttpContext);

    public sealed class LoginInput
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
