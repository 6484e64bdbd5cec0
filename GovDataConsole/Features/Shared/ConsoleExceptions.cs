namespace GovDataConsole.Features.Shared;

/// <summary>The current user may not see or change this; the message is shown to the user as is.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The request breaks a business rule or carries invalid input; each message is shown to the user.</summary>
public sealed class BusinessRuleException(IReadOnlyList<string> errors) : Exception(string.Join("；", errors))
{
    public BusinessRuleException(string error) : this([error]) { }

    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>The requested row does not exist (or is not visible and its existence must not leak).</summary>
public sealed class NotFoundException(string message) : Exception(message);
