using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Compila.Web.Infrastructure.WebSockets;

/// <summary>
/// A message a WebSocket sends, written first with its <c>type</c> (from <see cref="SocketMessageAttribute"/>), then
/// its own properties. Serialized by its runtime type, so a socket's messages need no shared discriminator setup.
/// </summary>
public abstract record SocketMessage
{
    static readonly ConcurrentDictionary<Type, string> Types = new();

    [JsonPropertyOrder(-10)]
    public string Type => Types.GetOrAdd(GetType(), SocketMessageAttribute.Of);
}

/// <summary>The <c>type</c> a <see cref="SocketMessage"/> is sent with; the OpenAPI document shows it as a constant.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SocketMessageAttribute(string type) : Attribute
{
    public string Type { get; } = type;

    public static string Of(Type messageType) =>
        messageType.GetCustomAttribute<SocketMessageAttribute>()?.Type
        ?? throw new InvalidOperationException($"{messageType.Name} needs [SocketMessage(\"...\")].");
}

/// <summary>The error a socket sends before closing (or, for the tutor, before the next question).</summary>
/// <param name="Errors">Field errors when the request itself was invalid; null otherwise.</param>
[SocketMessage("error")]
public sealed record SocketError(string Message, IDictionary<string, string[]>? Errors = null) : SocketMessage;
