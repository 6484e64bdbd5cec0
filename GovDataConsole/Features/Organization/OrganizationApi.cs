using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Organization;

/// <summary>Read API over departments; the same service (and so the same department scope) as the pages.</summary>
public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/departments", (DepartmentService service, string? search, int? page, int? pageSize, CancellationToken ct) =>
            service.ListAsync(new DepartmentQuery { Search = search, Page = page ?? 0, PageSize = pageSize ?? 20 }, ct));
        api.MapGet("/departments/{id:int}", (DepartmentService service, int id, CancellationToken ct) => service.GetAsync(id, ct));
        return api;
    }
}
