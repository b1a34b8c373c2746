using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Compila.Web.Infrastructure.Errors;

public static class ProblemDetailsSetup
{
    static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Requisição inválida.",
        [401] = "Autenticação necessária.",
        [403] = "Acesso negado.",
        [404] = "Não encontrado.",
        [405] = "Método não permitido.",
        [408] = "Tempo esgotado.",
        [409] = "Conflito.",
        [413] = "Requisição grande demais.",
        [415] = "Tipo de conteúdo não suportado.",
        [429] = "Muitas requisições.",
        [500] = "Erro interno.",
        [503] = "Serviço indisponível.",
    };

    public static void AddCompilaErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            // Replace the framework's English defaults; keep titles our handlers chose.
            if (Titles.TryGetValue(status, out var title) && (problem.Title is null || IsFrameworkTitle(problem.Title)))
            {
                problem.Title = title;
            }

            problem.Type ??= $"https://httpstatuses.io/{status}";
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 32);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(NulInRequestTarget.Middleware)));
    }

    public static void UseCompilaErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ControlCharacterPathMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
    }

    static bool IsFrameworkTitle(string title) => title.Length > 0 && title[^1] != '.' || title.StartsWith("One or more", StringComparison.Ordinal)
        || title.StartsWith("An error", StringComparison.Ordinal);
}
