namespace GovDataConsole.Features.Shared;

/// <summary>Turns the console's exceptions into problem responses with the Chinese message as the title.</summary>
public sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AccessDeniedException ex)
        {
            return Results.Problem(title: ex.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException ex)
        {
            return Results.Problem(title: ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (BusinessRuleException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [""] = [.. ex.Errors] }, title: ex.Message);
        }
    }
}
