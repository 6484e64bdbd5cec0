namespace GovDataConsole.Bench;

/// <summary>
/// The <c>bench &lt;name&gt; [--json] [options]</c> verb: dispatches to a named benchmark. Each benchmark owns its options and
/// prints a table, or with <c>--json</c> the same figures as one JSON object. Add a benchmark by adding it to <see cref="Benches"/>.
/// </summary>
public static class BenchCommand
{
    public const string Verb = "bench";

    private static readonly Dictionary<string, Func<BenchArgs, Task<int>>> Benches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["import"] = ImportBench.RunAsync,
        [CleanseBench.Name] = CleanseBench.RunAsync,
        [CheckBench.Name] = CheckBench.RunAsync,
        [ScoreBench.Name] = ScoreBench.RunAsync,
    };

    /// <summary><paramref name="args"/> are the words after <c>bench</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benches.TryGetValue(args[0], out var bench))
        {
            Console.Error.WriteLine($"usage: bench <{string.Join('|', Benches.Keys)}> [--json] [--keep] [--no-warmup] [--repeat N] [--xlsx-rows N] [--csv-rows N] [--records N] [--dedup none|first|last] [--data DIR] [--departments N] [--resources N] [--months N]");
            return 2;
        }
        return await bench(BenchArgs.Parse(args[1..]));
    }
}

/// <summary>Flags (<c>--json</c>) and valued options (<c>--rows 10</c>) of a bench run.</summary>
public sealed class BenchArgs
{
    private static readonly HashSet<string> Flags = ["json", "keep", "no-warmup"];
    private readonly HashSet<string> flags = [];
    private readonly Dictionary<string, string> values = [];

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            if (Flags.Contains(name)) parsed.flags.Add(name);
            else if (i + 1 < args.Length) parsed.values[name] = args[++i];
            else throw new ArgumentException($"Option --{name} needs a value.");
        }
        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
