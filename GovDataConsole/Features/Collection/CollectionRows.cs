using System.Linq.Expressions;
using GovDataConsole.Features.Catalog;

namespace GovDataConsole.Features.Collection;

/// <summary>The tasks of one resource that fall in one month of the matrix.</summary>
public sealed record MatrixCell(string Month, int Total, int OnTime, int Late, int Missing, int Pending);

public sealed record MatrixRow(int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, UpdateCycle Cycle, IReadOnlyList<MatrixCell> Cells);

/// <summary>归集及时率 = on time ÷ due; 归集完整率 = handed in (on time or late) ÷ due. Tasks not yet due count only once handed in.</summary>
public sealed record DepartmentRate(int DepartmentId, string DepartmentName, int Due, int OnTime, int Late, int Missing)
{
    public double Timeliness => Due == 0 ? 1 : (double)OnTime / Due;
    public double Completeness => Due == 0 ? 1 : (double)(OnTime + Late) / Due;

    /// <summary>Whether a task counts on <paramref name="today"/>: its due date has passed, or it was handed in.</summary>
    public static bool Counts(DateOnly dueDate, CollectionTaskStatus status, DateOnly today) =>
        dueDate < today || status is CollectionTaskStatus.Submitted or CollectionTaskStatus.SubmittedLate;

    /// <summary><see cref="Counts"/> as a filter the database evaluates.</summary>
    public static Expression<Func<CollectionTask, bool>> CountsOn(DateOnly today) =>
        t => t.DueDate < today || t.Status == CollectionTaskStatus.Submitted || t.Status == CollectionTaskStatus.SubmittedLate;

    /// <summary>The rate of the counted tasks' statuses.</summary>
    public static DepartmentRate Of(int departmentId, string departmentName, IReadOnlyCollection<CollectionTaskStatus> counted) =>
        Of(departmentId, departmentName, counted.CountBy(s => s).ToDictionary());

    /// <summary>The rate of the counted tasks, given as how many have each status.</summary>
    public static DepartmentRate Of(int departmentId, string departmentName, IReadOnlyDictionary<CollectionTaskStatus, int> counted) =>
        new(departmentId, departmentName, counted.Values.Sum(), counted.GetValueOrDefault(CollectionTaskStatus.Submitted),
            counted.GetValueOrDefault(CollectionTaskStatus.SubmittedLate), counted.GetValueOrDefault(CollectionTaskStatus.Missing));
}

public sealed record TaskRow(
    int Id, int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, string PeriodKey, DateOnly DueDate,
    CollectionTaskStatus Status, int? BatchId);

public sealed record CollectionOverview(IReadOnlyList<string> Months, IReadOnlyList<MatrixRow> Matrix, IReadOnlyList<DepartmentRate> Rates);
