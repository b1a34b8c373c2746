using System.Text.Json.Serialization.Metadata;
using Compila.Web.Infrastructure.Paging;
using Compila.Web.Infrastructure.WebSockets;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Compila.Web.Infrastructure;

public static class ApiDocs
{
    public static void AddCompilaApiDocs(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenApi("v1", options =>
        {
            options.CreateSchemaReferenceId = SchemaReferenceId;
            options.AddDocumentTransformer<BearerSchemeTransformer>().AddDocumentTransformer<SocketContractSchemas>();
        });

    /// <summary>
    /// A generic page is named after its items (<c>Page&lt;JobResource&gt;</c> is <c>JobResourcePage</c>) rather than
    /// the default <c>PageOfJobResource</c>, so the SPA's generated types read like the rest.
    /// </summary>
    static string? SchemaReferenceId(JsonTypeInfo type) =>
        type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(Page<>)
            ? OpenApiOptions.CreateDefaultSchemaReferenceId(type.Options.GetTypeInfo(type.Type.GetGenericArguments()[0])) + "Page"
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    /// <summary><c>/openapi/v1.json</c> and interactive docs at <c>/docs</c> (Scalar, served from the package, no CDN).</summary>
    public static void MapCompilaApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("compila.dev API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
    }

    sealed class BearerSchemeTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "compila.dev API";
            document.Info.Description = "API REST da compila.dev. Autentique com `Authorization: Bearer <accessToken>`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            };
            return Task.CompletedTask;
        }
    }
}
