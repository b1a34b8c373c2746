namespace Compila.Web.Infrastructure.WebSockets;

/// <summary>
/// What one WebSocket endpoint exchanges, for the OpenAPI document (which has no WebSocket operations): the
/// message a client sends and every message the server may send. <see cref="SocketContractSchemas"/> publishes them
/// as components, plus a <c>{Name}ServerMessage</c> union of the server's messages keyed by <c>type</c>. Modules may
/// register the same name: a socket whose messages come from several modules (the Smart Solver's findings) adds them.
/// </summary>
public sealed record SocketContract(string Name, Type? ClientMessage, IReadOnlyList<Type> ServerMessages);

public static class SocketContractRegistration
{
    public static IServiceCollection AddSocketContract(this IServiceCollection services, SocketContract contract) =>
        services.AddSingleton(contract);
}
