using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Compila.Web.Infrastructure.Errors;

/// <summary>
/// Kestrel refuses a request whose target decodes to a NUL (<c>%00</c>) while parsing the request line, before any
/// middleware runs, with an empty 400. This connection middleware turns <c>%00</c> in an HTTP/1.x request target into
/// <c>%01</c> — the same length, so the connection's framing is untouched — and <see cref="ControlCharacterPathMiddleware"/>
/// then answers any path holding a control character with problem details like every other bad request.
/// </summary>
internal static class NulInRequestTarget
{
    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async context =>
    {
        var original = context.Transport;
        var input = PipeReader.Create(new RequestTargetRewritingStream(original.Input.AsStream(leaveOpen: true)));
        context.Transport = new DuplexPipe(input, original.Output);
        try
        {
            await next(context);
        }
        finally
        {
            await input.CompleteAsync();
            context.Transport = original;
        }
    };

    sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
