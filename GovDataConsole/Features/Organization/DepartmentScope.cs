namespace GovDataConsole.Features.Organization;

/// <summary>Rows that belong to one department. Every service reads them through <see cref="DepartmentScope.VisibleTo{T}"/>.</summary>
public interface IDepartmentOwned
{
    int DepartmentId { get; }
}

public static class DepartmentScope
{
    /// <summary>Filters to the user's own department for department staff; no filter for the other roles.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, UserContext user) where T : IDepartmentOwned
    {
        if (!user.IsAuthenticated) return query.Where(_ => false);
        if (!user.IsDepartmentScoped) return query;
        var departmentId = user.DepartmentId ?? -1;
        return query.Where(x => x.DepartmentId == departmentId);
    }

    /// <summary>The departments themselves: department staff see only their own.</summary>
    public static IQueryable<Department> VisibleTo(this IQueryable<Department> query, UserContext user)
    {
        if (!user.IsAuthenticated) return query.Where(_ => false);
        if (!user.IsDepartmentScoped) return query;
        var departmentId = user.DepartmentId ?? -1;
        return query.Where(x => x.Id == departmentId);
    }
}
