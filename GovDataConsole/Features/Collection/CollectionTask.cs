using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// What a department owes for one resource and period (归集任务): 待提交 until a batch is imported,
/// then 已提交 or 逾期提交; 缺报 once the due date has passed with nothing.
/// </summary>
public class CollectionTask : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public DataResource? DataResource { get; private set; }
    public int DepartmentId { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly DueDate { get; private set; }
    public CollectionTaskStatus Status { get; private set; } = CollectionTaskStatus.Pending;
    public DateTime? SubmittedUtc { get; private set; }
    public int? BatchId { get; private set; }

    private CollectionTask() { }

    public CollectionTask(DataResource resource, CollectionPeriod period, DateOnly dueDate)
    {
        DataResourceId = resource.Id;
        DepartmentId = resource.DepartmentId;
        PeriodKey = period.Key;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        DueDate = dueDate;
    }

    /// <summary>An imported batch fulfils the task; on time when it was uploaded by the end of the due date (CST).</summary>
    public void Fulfil(int batchId, DateTime uploadedUtc)
    {
        if (Status is CollectionTaskStatus.Submitted or CollectionTaskStatus.SubmittedLate) return;
        BatchId = batchId;
        SubmittedUtc = uploadedUtc;
        Status = DateOnly.FromDateTime(Shared.ChinaTime.FromUtc(uploadedUtc)) <= DueDate ? CollectionTaskStatus.Submitted : CollectionTaskStatus.SubmittedLate;
    }
}
