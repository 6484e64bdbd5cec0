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
}

public sealed record TaskRow(
    int Id, int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, string PeriodKey, DateOnly DueDate,
    CollectionTaskStatus Status, int? BatchId);

public sealed record CollectionOverview(IReadOnlyList<string> Months, IReadOnlyList<MatrixRow> Matrix, IReadOnlyList<DepartmentRate> Rates);
