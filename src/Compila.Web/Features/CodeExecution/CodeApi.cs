using System.Globalization;
using Compila.Judge;
using Compila.Web.Features.CodeExecution.Fairness;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Compila.Web.Features.CodeExecution;

/// <summary>The spec's Code Executor: run code (the editor's "Run" button) in the sandbox.</summary>
public static class CodeApi
{
    const int MaxStdinChars = 64 * 1024;
    const int MaxArgs = 20;

    public static RouteGroupBuilder MapCodeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/code").WithTags("Code");
        api.MapPost("/execute", Execute).WithName("ExecuteCode").RequireAuthorization().WithRateLimitClass(RateLimitClass.Ai)
            .WithSummary("Executa código no sandbox e devolve a saída.");
        api.MapGet("/languages", Languages).WithName("ListLanguages").AllowAnonymous()
            .WithSummary("Linguagens, versões e disponibilidade neste servidor.");
        return api;
    }

    internal static Ok<IReadOnlyList<LanguageResponse>> Languages(IJudge judge) =>
        TypedResults.Ok<IReadOnlyList<LanguageResponse>>(judge.Languages
            .Select(l => new LanguageResponse(l.Id, l.Name, l.Version, l.Available && judge.Sandbox.Available, l.Available ? judge.Sandbox.UnavailableReason : l.UnavailableReason))
            .ToList());

    internal static async Task<Results<Ok<ExecuteResponse>, ValidationProblem, ProblemHttpResult>> Execute(
        ExecuteRequest request, IJudge judge, SandboxGate sandbox, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var files = Validate(request, judge, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var limits = request.Timeout is { } timeout ? new RunLimits { WallTimeSeconds = timeout } : null;
        SandboxTurn turn;
        try
        {
            turn = await sandbox.EnterAsync(http.User.CurrentUserId()!.Value, SandboxCaller.Request, ct);
        }
        catch (SandboxRefusedException refused)
        {
            return SandboxProblems.ToProblem(refused, http);
        }

        RunResult result;
        try
        {
            result = await judge.RunAsync(new RunRequest(request.Language!, files, request.Stdin, request.Args, limits), ct);
        }
        catch (UnknownLanguageException ex)
        {
            return new ValidationErrors().Add("language", UnknownLanguage(ex.Supported)).ToProblem();
        }
        catch (LimitOutOfRangeException ex)
        {
            return new ValidationErrors().Add("timeout", $"O limite máximo é {ex.Maximum.ToString(CultureInfo.InvariantCulture)} s.").ToProblem();
        }
        catch (JudgeBusyException ex)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(ex.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: 503, title: "Executor ocupado.", detail: "Muitas execuções na fila. Tente de novo em instantes.");
        }
        catch (ArgumentException)
        {
            // The judge's own last line of defence on paths and input sizes; our validation normally answers first.
            return new ValidationErrors().Add("files", "Arquivos ou entrada inválidos.").ToProblem();
        }
        catch (JudgeUnavailableException ex)
        {
            return TypedResults.Problem(statusCode: 503, title: "Executor indisponível.", detail: ex.Message);
        }
        finally
        {
            await turn.DisposeAsync();
            SandboxProblems.AddUsageHeaders(http, turn.Usage);
        }

        var response = ToResponse(result);
        if (result.Status == RunStatus.TimeLimitExceeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status408RequestTimeout,
                title: "Tempo esgotado.",
                detail: "A execução passou do limite de tempo e foi interrompida.",
                extensions: new Dictionary<string, object?>
                {
                    ["run_id"] = response.RunId,
                    ["output"] = response.Output,
                    ["error"] = response.Error,
                    ["execution_time"] = response.ExecutionTime,
                });
        }

        return TypedResults.Ok(response);
    }

    static List<SourceFile> Validate(ExecuteRequest request, IJudge judge, ValidationErrors errors)
    {
        var supported = judge.Languages.Select(l => l.Id).ToList();
        if (string.IsNullOrWhiteSpace(request.Language))
        {
            errors.Add("language", "Informe a linguagem.");
        }
        else if (!supported.Contains(request.Language))
        {
            errors.Add("language", UnknownLanguage(supported));
        }

        var files = SourceFilesValidator.Validate(request.Code, request.Files, DefaultFileName(request.Language), errors);

        if (request.Stdin is { Length: > MaxStdinChars })
        {
            errors.Add("stdin", $"A entrada passa de {MaxStdinChars / 1024} KB.");
        }

        if (request.Args is { } args && (args.Count > MaxArgs || args.Any(a => a is null || a.Length > 200 || a.Contains('\0'))))
        {
            errors.Add("args", $"Envie até {MaxArgs} argumentos de até 200 caracteres.");
        }

        if (request.Timeout is { } timeout && (double.IsNaN(timeout) || timeout <= 0))
        {
            errors.Add("timeout", "O tempo limite deve ser positivo, em segundos.");
        }

        return files;
    }

    static string DefaultFileName(string? language) =>
        language switch
        {
            "python" => "main.py",
            "javascript" => "main.js",
            "typescript" => "main.ts",
            "java" => "Main.java",
            "go" => "main.go",
            "csharp" => "Program.cs",
            _ => "main.txt",
        };

    static string UnknownLanguage(IEnumerable<string> supported) =>
        $"Linguagem não suportada. Use uma destas: {string.Join(", ", supported)}.";

    internal static ExecuteResponse ToResponse(RunResult result) => new(
        result.RunId,
        StatusLabel(result.Status),
        result.Stdout,
        result.StdoutTruncated,
        result.Stderr,
        Math.Round(result.WallTimeMs / 1000.0, 3),
        Math.Round(result.CpuTimeMs / 1000.0, 3),
        result.ExitCode,
        result.Signal,
        result.PeakMemoryBytes,
        result.CompileOutput);

    public static string StatusLabel(RunStatus status) => Infrastructure.Data.EnumLabels.ToLabel(status);
}

