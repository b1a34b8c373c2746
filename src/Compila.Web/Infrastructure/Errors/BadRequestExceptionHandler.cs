using System.Text.Json;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Compila.Web.Infrastructure.Errors;

/// <summary>
/// Turns malformed requests (broken JSON, wrong types, wrong content type, oversized bodies) into 4xx problem
/// details in pt-BR, a saturated database or an unavailable file storage into a 503 with Retry-After, and anything
/// unexpected into a bare 500 that reveals nothing.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, detail) = Classify(exception);
        if (exception is FileStorageUnavailableException)
        {
            // The storage backend logged the failed operation with its cause.
            logger.LogWarning("File storage unavailable for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database overloaded for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogInformation("Rejected request {Method} {Path}: {Status}", context.Request.Method, context.Request.Path, status);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    const int RetryAfterSeconds = 5;

    static (int Status, string Detail) Classify(Exception exception)
    {
        if (DatabaseOverload.Is(exception))
        {
            return (503, "O serviço está sobrecarregado no momento. Tente novamente em alguns segundos.");
        }

        switch (exception)
        {
            case FileStorageUnavailableException:
                return (503, "O armazenamento de arquivos está indisponível no momento. Tente novamente em instantes.");
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return (413, "O corpo da requisição excede o limite permitido.");
            case BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType }:
                return (415, "Envie o corpo como application/json.");
            case BadHttpRequestException { InnerException: JsonException } bad:
                return (bad.StatusCode, "O JSON enviado é inválido ou tem campos com tipos errados.");
            case BadHttpRequestException bad when bad.Message.Contains("was not provided", StringComparison.Ordinal):
                return (bad.StatusCode, "O corpo da requisição é obrigatório.");
            case BadHttpRequestException bad when bad.StatusCode < 500:
                return (bad.StatusCode, "A requisição é inválida: verifique os parâmetros e o corpo.");
            case JsonException:
                return (400, "O JSON enviado é inválido.");
            default:
                return (500, "Ocorreu um erro inesperado. Tente novamente em instantes.");
        }
    }
}
