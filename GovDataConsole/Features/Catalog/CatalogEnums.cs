namespace GovDataConsole.Features.Catalog;

// Stored as their names; Chinese labels come from resources (EnumLabels).

public enum ShareType { Unconditional, Conditional, NotShared }

public enum OpenType { Unconditional, Conditional, NotOpen }

public enum UpdateCycle { RealTime, Daily, Weekly, Monthly, Quarterly, Yearly }

public enum SensitivityGrade { General, Important, Core }

public enum ResourceStatus { Draft, Submitted, Published, Disabled }

public enum ItemDataType { String, Integer, Decimal, Date, DateTime, Boolean }

public enum SensitivityKind { None, ResidentId, Mobile, PersonName, Address, CreditCode }
