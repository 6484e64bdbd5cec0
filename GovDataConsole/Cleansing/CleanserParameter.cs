namespace GovDataConsole.Cleansing;

/// <summary>How the rule editor shows a parameter.</summary>
public enum CleanserParameterType
{
    Text,
    /// <summary>Several values, one per line.</summary>
    Lines,
    /// <summary>"synonym=code" lines, see <see cref="MappingTable"/>.</summary>
    MappingTable,
    /// <summary>"true" or "false".</summary>
    Boolean,
    /// <summary>A .NET regular expression.</summary>
    Regex,
}

/// <summary>A parameter a cleanser takes: stored name, Chinese label, editor type and default value.</summary>
public sealed record CleanserParameter(string Name, string Label, CleanserParameterType Type, string Default);
