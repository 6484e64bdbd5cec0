namespace GovDataConsole.Features.Audit;

/// <summary>Stable audit categories and actions; labels for the UI come from resources.</summary>
public static class AuditActions
{
    public const string SignInCategory = "SignIn";
    public const string OrganizationCategory = "Organization";
    public const string CatalogCategory = "Catalog";
    public const string CollectionCategory = "Collection";
    public const string CalendarCategory = "Calendar";
    public const string QualityCategory = "Quality";
    public const string RectificationCategory = "Rectification";

    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string IdleSignOut = "IdleSignOut";

    public const string DepartmentCreated = "DepartmentCreated";
    public const string DepartmentUpdated = "DepartmentUpdated";
    public const string DepartmentEnabled = "DepartmentEnabled";
    public const string DepartmentDisabled = "DepartmentDisabled";
    public const string UserCreated = "UserCreated";
    public const string UserUpdated = "UserUpdated";
    public const string UserLocked = "UserLocked";
    public const string UserUnlocked = "UserUnlocked";
    public const string PasswordReset = "PasswordReset";

    public const string ResourceCreated = "ResourceCreated";
    public const string ResourceUpdated = "ResourceUpdated";
    public const string ResourceSubmitted = "ResourceSubmitted";
    public const string ResourcePublished = "ResourcePublished";
    public const string ResourceReturned = "ResourceReturned";
    public const string ResourceDisabled = "ResourceDisabled";
    public const string InventoryImported = "InventoryImported";
    public const string CatalogExported = "CatalogExported";
    public const string SystemSaved = "SystemSaved";
    public const string DictionarySaved = "DictionarySaved";

    public const string BatchUploaded = "BatchUploaded";
    public const string RecordsRevealed = "RecordsRevealed";
    public const string CleansingRulesSaved = "CleansingRulesSaved";
    public const string BatchExported = "BatchExported";
    public const string CalendarDayAdded = "CalendarDayAdded";
    public const string CalendarDayUpdated = "CalendarDayUpdated";
    public const string CalendarDayDeleted = "CalendarDayDeleted";
    public const string CalendarImported = "CalendarImported";
    public const string QualityRulesSaved = "QualityRulesSaved";
    public const string QualitySettingsSaved = "QualitySettingsSaved";
    public const string QualityRunRequested = "QualityRunRequested";
    public const string QualityBindingSaved = "QualityBindingSaved";
    public const string WorkOrderCreated = "WorkOrderCreated";
    public const string WorkOrderAction = "WorkOrderAction";
    public const string WorkOrdersExported = "WorkOrdersExported";
    public const string PreChecked = "PreChecked";
    public const string CheckRunCancelled = "CheckRunCancelled";
    public const string CheckRunRequeued = "CheckRunRequeued";
    public const string CorrectionDownloaded = "CorrectionDownloaded";
    public const string CorrectionUploaded = "CorrectionUploaded";

    public const string ProblemsRevealed = "ProblemsRevealed";
    public const string ProblemsExcepted = "ProblemsExcepted";
    public const string ExceptionRevoked = "ExceptionRevoked";
    public const string ProblemsExported = "ProblemsExported";

    public static string Label(string action) =>
        Resources.UiText.ResourceManager.GetString("Audit_" + action, Resources.UiText.Culture) ?? action;
}
