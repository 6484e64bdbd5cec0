namespace GovDataConsole.Standards.Synthetic;

/// <summary>Fields of a synthetic company (法人单位基础信息); registered capital in 万元, founding date ISO yyyy-MM-dd.</summary>
public enum CompanyColumn { CreditCode, Name, LegalRepresentative, RegisteredCapital, FoundedOn, DivisionCode, Address, Phone }
