using Microsoft.Extensions.Options;

namespace Portals.Admin;

/// <summary><c>Portals:Admin</c>: sign-in and session settings of the editors' workspace.</summary>
public sealed class AdminOptions
{
    public const string Section = "Portals:Admin";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Idle time after which the session cookie expires (sliding).</summary>
    public int SessionMinutes { get; set; } = 60;
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add($"{AdminOptions.Section}:MaxFailedSignIns must be between 1 and 100.");
        }
        if (options.LockoutMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"{AdminOptions.Section}:LockoutMinutes must be between 1 and 1440.");
        }
        if (options.SessionMinutes is < 5 or > 24 * 60)
        {
            failures.Add($"{AdminOptions.Section}:SessionMinutes must be between 5 and 1440.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
