using Microsoft.AspNetCore.Identity;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Organization;

/// <summary>Identity's validation messages (password policy, duplicate names) in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(T.Identity_PasswordTooShort, length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), T.Identity_PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), T.Identity_PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), T.Identity_PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), T.Identity_PasswordRequiresSymbol);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), string.Format(T.Identity_DuplicateUserName, userName));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), string.Format(T.Identity_InvalidUserName, userName));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), string.Format(T.Identity_DuplicateEmail, email));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), string.Format(T.Identity_InvalidEmail, email));
    public override IdentityError DefaultError() => Error(nameof(DefaultError), T.Identity_DefaultError);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
