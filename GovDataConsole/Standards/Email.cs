using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

/// <summary>
/// E-mail addresses as government forms accept them: an ASCII local part of dot-separated atoms
/// (<c>[A-Za-z0-9_%+-]+</c>, at most 64 characters), one <c>@</c>, then dot-separated domain labels (letters and digits,
/// inner hyphens) ending in a top-level domain of two or more letters; at most 254 characters in all. Checked by hand
/// rather than with a regular expression: it runs on every row of a check and the regex cost ten times as much.
/// </summary>
public static class Email
{
    public static string InvalidMessage => UiText.Email_Invalid;

    public static bool IsValid(string? value)
    {
        if (value is not { Length: <= 254 }) return false;
        var at = value.IndexOf('@');
        return at is > 0 and <= 64 && IsLocalPart(value.AsSpan(0, at)) && IsDomain(value.AsSpan(at + 1));
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        foreach (var range in local.Split('.'))
        {
            var atom = local[range];
            if (atom.IsEmpty) return false;
            foreach (var c in atom)
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '%' or '+' or '-')) return false;
        }
        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var dot = domain.LastIndexOf('.');
        if (dot < 1 || domain.Length - dot - 1 < 2) return false;
        foreach (var c in domain[(dot + 1)..])
            if (!char.IsAsciiLetter(c)) return false;
        var labels = domain[..dot];
        foreach (var range in labels.Split('.'))
        {
            var label = labels[range];
            if (label.IsEmpty || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1])) return false;
            foreach (var c in label)
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        }
        return true;
    }
}
