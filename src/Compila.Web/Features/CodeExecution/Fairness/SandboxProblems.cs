using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Features.CodeExecution.Fairness;

/// <summary>A refused run as the learner reads it: 429 for their own allowance, 503 for a full platform, with Retry-After.</summary>
public static class SandboxProblems
{
    public static ProblemHttpResult ToProblem(SandboxRefusedException refused, HttpContext http)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var (title, detail) = refused.Reason switch
        {
            SandboxRefusalReason.UserConcurrency => ("Muitas execuções ao mesmo tempo.",
                "Você já tem execuções em andamento ou na fila. Espere uma terminar e tente de novo."),
            SandboxRefusalReason.UserBudget => ("Limite de tempo de execução atingido.",
                $"Você usou todo o seu tempo de sandbox deste minuto. Tente de novo em {retryAfter} s."),
            SandboxRefusalReason.WaitTimedOut => ("Executor ocupado.",
                "A fila de execuções está longa demais no momento. Tente de novo em instantes."),
            _ => ("Executor ocupado.", "Muitas execuções na fila. Tente de novo em instantes."),
        };
        return TypedResults.Problem(
            statusCode: refused.IsUsersOwnLimit ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable,
            title: title,
            detail: detail);
    }

    /// <summary>The caller's own remaining sandbox seconds, never anyone else's.</summary>
    public static void AddUsageHeaders(HttpContext http, SandboxUsage? usage)
    {
        if (usage is { } u)
        {
            http.Response.Headers["X-Sandbox-Seconds-Limit"] = u.LimitSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            http.Response.Headers["X-Sandbox-Seconds-Remaining"] = u.RemainingSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        }
    }
}
