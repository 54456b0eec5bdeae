namespace Portals.Admin.Identity;

/// <summary>What a new password must be. Returns the resource key of the first rule broken, or null.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;

    public static string? Check(string userName, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return "Password.TooShort";
        }
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "Password.LettersAndDigits";
        }
        if (password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "Password.ContainsUserName";
        }
        return null;
    }
}
