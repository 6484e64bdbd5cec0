using System.Text.Json;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

/// <summary>A resource as people read it (labels, names), stored per version and compared to show what changed.</summary>
public sealed record ResourceSnapshot(
    string Code, string Name, string? Summary, string? System, string ShareType, string? ShareCondition, string OpenType,
    string UpdateCycle, string SensitivityGrade, IReadOnlyList<ItemSnapshot> Items)
{
    public static ResourceSnapshot Of(ResourceForm f, CatalogLookups lookups) => new(
        f.Code.Trim(), f.Name.Trim(), Clean(f.Summary), lookups.SystemName(f.InformationSystemId), EnumLabels.Of(f.ShareType),
        f.ShareType == Catalog.ShareType.Conditional ? Clean(f.ShareCondition) : null, EnumLabels.Of(f.OpenType),
        EnumLabels.Of(f.UpdateCycle), EnumLabels.Of(f.SensitivityGrade),
        f.Items.Select(i => new ItemSnapshot(
            i.Code.Trim(), i.Name.Trim(), EnumLabels.Of(i.DataType),
            i.DataType is ItemDataType.String or ItemDataType.Decimal ? i.Length : null,
            i.DataType == ItemDataType.Decimal ? i.Precision ?? 0 : null,
            i.Required || i.IsKey, i.IsKey, lookups.DictionaryName(i.DictionaryId), EnumLabels.Of(i.Sensitivity), Clean(i.Description))).ToList());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ResourceSnapshot FromJson(string json) => JsonSerializer.Deserialize<ResourceSnapshot>(json)!;

    /// <summary>Field-by-field differences from <paramref name="before"/> to this snapshot.</summary>
    public IReadOnlyList<FieldChange> ChangesSince(ResourceSnapshot? before)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? a, string? b)
        {
            if (a != b) changes.Add(new FieldChange(field, a, b));
        }
        Compare(T.Catalog_Code, before?.Code, Code);
        Compare(T.Catalog_Name, before?.Name, Name);
        Compare(T.Catalog_Summary, before?.Summary, Summary);
        Compare(T.Catalog_System, before?.System, System);
        Compare(T.Catalog_ShareType, before?.ShareType, ShareType);
        Compare(T.Catalog_ShareCondition, before?.ShareCondition, ShareCondition);
        Compare(T.Catalog_OpenType, before?.OpenType, OpenType);
        Compare(T.Catalog_UpdateCycle, before?.UpdateCycle, UpdateCycle);
        Compare(T.Catalog_SensitivityGrade, before?.SensitivityGrade, SensitivityGrade);

        var old = (before?.Items ?? []).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items)
        {
            if (!old.Remove(item.Code, out var previous))
            {
                changes.Add(new FieldChange(string.Format(T.Catalog_ItemAdded, item.Code), null, item.Describe()));
                continue;
            }
            var prefix = string.Format(T.Catalog_ItemField, item.Code);
            Compare(prefix + T.Catalog_ItemName, previous.Name, item.Name);
            Compare(prefix + T.Catalog_ItemDataType, previous.DataType, item.DataType);
            Compare(prefix + T.Catalog_ItemLength, previous.Length?.ToString(), item.Length?.ToString());
            Compare(prefix + T.Catalog_ItemPrecision, previous.Precision?.ToString(), item.Precision?.ToString());
            Compare(prefix + T.Catalog_ItemRequired, YesNo(previous.Required), YesNo(item.Required));
            Compare(prefix + T.Catalog_ItemIsKey, YesNo(previous.IsKey), YesNo(item.IsKey));
            Compare(prefix + T.Catalog_ItemDictionary, previous.Dictionary, item.Dictionary);
            Compare(prefix + T.Catalog_ItemSensitivity, previous.Sensitivity, item.Sensitivity);
            Compare(prefix + T.Catalog_ItemDescription, previous.Description, item.Description);
        }
        foreach (var removed in old.Values)
            changes.Add(new FieldChange(string.Format(T.Catalog_ItemRemoved, removed.Code), removed.Describe(), null));
        return changes;
    }

    private static string YesNo(bool value) => value ? T.Common_Yes : T.Common_No;
}

public sealed record ItemSnapshot(
    string Code, string Name, string DataType, int? Length, int? Precision, bool Required, bool IsKey, string? Dictionary,
    string Sensitivity, string? Description)
{
    public string Describe() => $"{Code} {Name} {DataType}{(Length is int l ? $"({l}{(Precision is int p ? $",{p}" : "")})" : "")}";
}

public sealed record FieldChange(string Field, string? Before, string? After);
