namespace GovDataConsole.Standards.Synthetic;

/// <summary>Fields of a synthetic person (人口基础信息); gender and ethnicity are GB/T 2261.1 and GB/T 3304 codes,
/// the birth date ISO yyyy-MM-dd.</summary>
public enum PersonColumn { Name, ResidentId, Gender, Ethnicity, BirthDate, Mobile, DivisionCode, Address, Postcode, Email }
