namespace GovDataConsole.Standards.Synthetic;

/// <summary>Mobile numbers with number-segment prefixes really issued by China Mobile, Unicom, Telecom and Broadnet.</summary>
internal static class MobileNumbers
{
    private static readonly string[] Prefixes =
    [
        "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "172", "178", "182", "183", "184", "187", "188", "195", "197", "198",
        "130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186", "196",
        "133", "149", "153", "173", "177", "180", "181", "189", "190", "191", "193", "199",
        "192",
    ];

    public static string Next(Random random) => $"{Prefixes[random.Next(Prefixes.Length)]}{random.Next(100_000_000):00000000}";
}
