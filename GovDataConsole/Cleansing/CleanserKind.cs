using System.Text.Json.Serialization;

namespace GovDataConsole.Cleansing;

/// <summary>What a cleansing rule does; stored by name in rule-set JSON, so members may be added but never renamed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CleanserKind>))]
public enum CleanserKind
{
    Trim,
    FullWidthToHalfWidth,
    UpperCase,
    LowerCase,
    NullTokens,
    Date,
    DateTime,
    Number,
    DictionaryMapping,
    ResidentIdUpgrade,
    PhoneNumber,
    RegexReplace,
}
