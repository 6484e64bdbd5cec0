using System.Collections.Concurrent;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>
/// One demo app per test class (class fixture), with a signed-in client per demo user kept for the class.
/// Tests that change security state of demo users (lockout) must use their own factory instead.
/// </summary>
public sealed class DemoAppFixture : ConsoleAppFactory
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> clients = new();

    public Task<HttpClient> ClientAsAsync(string userName) =>
        clients.GetOrAdd(userName, name => new Lazy<Task<HttpClient>>(() => SignIn.AsAsync(this, name))).Value;
}
