using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>Unique, valid values for rows tests create in a shared database.</summary>
public static class TestData
{
    private static int counter = Random.Shared.Next(10_000, 90_000);

    /// <summary>A unique department code such as T12345.</summary>
    public static string DepartmentCode() => $"T{Interlocked.Increment(ref counter)}";

    /// <summary>A unique unified social credit code with a correct GB 32100 check character.</summary>
    public static string CreditCode()
    {
        var first17 = $"113301000{Interlocked.Increment(ref counter):D8}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static string UserName(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}";
}
