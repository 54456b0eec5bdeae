using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
    NoAdminAccess,
}

public sealed record SignInResult(SignInOutcome Outcome, UserRecord? User = null, DateTime? LockedUntilUtc = null);

/// <summary>
/// Checks a user name and password against the tenant's users with lockout: after
/// <see cref="AdminOptions.MaxFailedSignIns"/> failures in a row the account is locked for
/// <see cref="AdminOptions.LockoutMinutes"/>, even for the right password. Every attempt is audited in the same
/// transaction as the counter it changes.
/// </summary>
public sealed class PasswordSignIn(TenantDatabase database, TimeProvider clock, IOptions<AdminOptions> options, ILogger<PasswordSignIn> logger)
{
    // Verifying against a throw-away hash when the user does not exist keeps the response time the same,
    // so timing does not reveal which user names exist.
    private static readonly Lazy<UserRecord> Decoy = new(() =>
    {
        var user = new UserRecord { UserName = "decoy" };
        user.PasswordHash = UserAccounts.HashPassword(user, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        return user;
    });

    public async Task<SignInResult> SignInAsync(TenantContext tenant, string userName, string password, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = UserAccounts.Normalize(userName);
        await using var db = database.Open(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);

        SignInResult result;
        if (user is null)
        {
            UserAccounts.VerifyPassword(Decoy.Value, password);
            result = Fail(db, userName, address, now, "unknown user");
        }
        else if (user.LockoutEndUtc > now)
        {
            result = new SignInResult(SignInOutcome.LockedOut, user, user.LockoutEndUtc);
            AuditLog.Add(db, new AuditEntry(AuditActions.SignInFailed, user.UserName, address, Subject(user), "locked"), now);
        }
        else if (!UserAccounts.VerifyPassword(user, password))
        {
            result = await CountFailureAsync(db, tenant, user, address, now, cancellationToken);
        }
        else if (!user.Enabled)
        {
            result = new SignInResult(SignInOutcome.Disabled, user);
            AuditLog.Add(db, new AuditEntry(AuditActions.SignInFailed, user.UserName, address, Subject(user), "disabled"), now);
        }
        else if (!RoleDocument.PermissionsOf(await RoleDocument.ReadAsync(db, cancellationToken), RoleDocument.RolesOf(user)).Contains(Permissions.AccessAdminPanel))
        {
            result = new SignInResult(SignInOutcome.NoAdminAccess, user);
            AuditLog.Add(db, new AuditEntry(AuditActions.SignInFailed, user.UserName, address, Subject(user), "no " + Permissions.AccessAdminPanel), now);
        }
        else
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AccessFailedCount, 0)
                .SetProperty(u => u.LockoutEndUtc, (DateTime?)null), cancellationToken);
            AuditLog.Add(db, new AuditEntry(AuditActions.SignIn, user.UserName, address, Subject(user)), now);
            result = new SignInResult(SignInOutcome.Succeeded, user);
            AdminLog.SignedIn(logger, user.UserName, tenant.Name);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            AdminLog.SignInFailed(logger, userName, tenant.Name, address);
        }
        return result;
    }

    /// <summary>An atomic increment, so concurrent wrong guesses all count; the one reaching the limit starts the lockout.</summary>
    private async Task<SignInResult> CountFailureAsync(PortalsDbContext db, TenantContext tenant, UserRecord user, string? address, DateTime now, CancellationToken cancellationToken)
    {
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken);
        var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).FirstAsync(cancellationToken);
        if (failures < options.Value.MaxFailedSignIns)
        {
            return Fail(db, user.UserName, address, now, $"wrong password ({failures}/{options.Value.MaxFailedSignIns})");
        }
        var until = now.AddMinutes(options.Value.LockoutMinutes);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.LockoutEndUtc, until), cancellationToken);
        AuditLog.Add(db, new AuditEntry(AuditActions.SignInFailed, user.UserName, address, Subject(user), $"wrong password ({failures}/{options.Value.MaxFailedSignIns})"), now);
        AuditLog.Add(db, new AuditEntry(AuditActions.LockedOut, user.UserName, address, Subject(user), $"until {until:u}"), now);
        AdminLog.LockedOut(logger, user.UserName, tenant.Name, until);
        return new SignInResult(SignInOutcome.LockedOut, user, until);
    }

    private static SignInResult Fail(PortalsDbContext db, string userName, string? address, DateTime now, string detail)
    {
        AuditLog.Add(db, new AuditEntry(AuditActions.SignInFailed, userName, address, "user:" + userName, detail), now);
        return new SignInResult(SignInOutcome.Failed);
    }

    public static string Subject(UserRecord user) => "user:" + user.UserName;
}
