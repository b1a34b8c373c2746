namespace Compila.Web.Infrastructure.Errors;

/// <summary>A path holding a control character (a NUL arrives here as U+0001, see <see cref="NulInRequestTarget"/>) is a 400.</summary>
internal sealed class ControlCharacterPathMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Value is { } path && path.Any(char.IsControl))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = "O endereço da requisição contém caracteres inválidos.",
                    Instance = new string(path.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray()),
                },
            });
            return;
        }

        await next(context);
    }
}
