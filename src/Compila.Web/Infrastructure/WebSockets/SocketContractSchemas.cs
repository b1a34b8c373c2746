using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Compila.Web.Infrastructure.WebSockets;

/// <summary>
/// Publishes the registered <see cref="SocketContract"/>s in the OpenAPI document, so the SPA's generated types cover
/// the WebSockets too: each message is a component schema whose <c>type</c> is a required constant, and
/// <c>{Name}ServerMessage</c> is the union of what that socket's server sends. Records inside a message become
/// components of their own (or refer to the ones the HTTP endpoints already produced), since a schema made here
/// would otherwise inline them and lose their nullability.
/// </summary>
internal sealed class SocketContractSchemas(IEnumerable<SocketContract> contracts) : IOpenApiDocumentTransformer
{
    static readonly NullabilityInfoContext Nullability = new();

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var socket in contracts.GroupBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var client in socket.Select(c => c.ClientMessage).OfType<Type>())
            {
                await ComponentAsync(document, context, client, cancellationToken);
                // A client may leave out any field; the socket answers with an error message when what it needs is missing.
                ((OpenApiSchema)document.Components!.Schemas![client.Name]).Required = null;
            }

            var union = new OpenApiSchema { OneOf = [] };
            foreach (var message in socket.SelectMany(c => c.ServerMessages).Distinct())
            {
                union.OneOf.Add(await ComponentAsync(document, context, message, cancellationToken));
            }

            document.AddComponent($"{socket.Key}ServerMessage", union);
        }
    }

    static async Task<OpenApiSchemaReference> ComponentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, Type type, CancellationToken ct)
    {
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, ct);
            document.AddComponent(type.Name, schema);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (schema.Properties?.ContainsKey(name) == true && await ReferenceAsync(document, context, property, ct) is { } reference)
                {
                    schema.Properties[name] = reference;
                }
            }

            if (typeof(SocketMessage).IsAssignableFrom(type) && schema.Properties is { } properties)
            {
                // Every property of a message is always written; the type names which message it is.
                properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(SocketMessageAttribute.Of(type))] };
                schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
            }
        }

        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>A reference for a property holding a record (or a list of them), null for anything else.</summary>
    static async Task<IOpenApiSchema?> ReferenceAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, PropertyInfo property, CancellationToken ct)
    {
        var type = property.PropertyType;
        var item = type.IsGenericType && type.GetGenericTypeDefinition() is var open
            && (open == typeof(IReadOnlyList<>) || open == typeof(List<>) || open == typeof(IList<>)) ? type.GetGenericArguments()[0] : null;
        var record = item ?? type;
        if (!IsRecord(record))
        {
            return null;
        }

        var reference = await ComponentAsync(document, context, record, ct);
        IOpenApiSchema schema = item is null ? reference : new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference };
        return Nullability.Create(property).ReadState == NullabilityState.Nullable
            ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] }
            : schema;
    }

    static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;
}
