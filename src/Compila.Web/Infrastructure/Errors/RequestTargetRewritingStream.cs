namespace Compila.Web.Infrastructure.Errors;

/// <summary>
/// Reads a connection's bytes and rewrites the last <c>0</c> of each <c>%00</c> to <c>1</c> inside request targets:
/// the second token of a line that starts with an upper-case method at the start of the connection or right after
/// an empty line (the end of the previous request's headers). A connection that starts with anything else (TLS,
/// the HTTP/2 preface) is passed through untouched.
/// </summary>
internal sealed class RequestTargetRewritingStream(Stream inner) : Stream
{
    enum State { LineStart, Method, Target, RestOfLine, PassThrough }

    State state = State.LineStart;
    bool requestMayStart = true;
    bool connectionStart = true;
    int lineLength;
    int methodLength;
    int percentRun;
    string method = "";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (state != State.PassThrough)
        {
            Scan(buffer.Span[..read]);
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        if (state != State.PassThrough)
        {
            Scan(buffer.AsSpan(offset, read));
        }

        return read;
    }

    void Scan(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length && state != State.PassThrough; i++)
        {
            var b = bytes[i];
            if (connectionStart)
            {
                connectionStart = false;
                if (!IsUpper(b))
                {
                    state = State.PassThrough;
                    return;
                }
            }

            if (b == '\n')
            {
                requestMayStart = lineLength == 0;
                lineLength = 0;
                state = State.LineStart;
                continue;
            }

            if (b == '\r')
            {
                continue;
            }

            lineLength++;
            switch (state)
            {
                case State.LineStart:
                    state = requestMayStart && IsUpper(b) ? State.Method : State.RestOfLine;
                    methodLength = 1;
                    method = state == State.Method ? ((char)b).ToString() : "";
                    break;
                case State.Method when IsUpper(b) && methodLength < 16:
                    methodLength++;
                    if (method.Length < 4)
                    {
                        method += (char)b;
                    }

                    break;
                case State.Method when b == ' ':
                    state = method == "PRI" ? State.PassThrough : State.Target;
                    percentRun = 0;
                    break;
                case State.Method:
                    state = State.RestOfLine;
                    break;
                case State.Target when b == ' ':
                    state = State.RestOfLine;
                    break;
                case State.Target:
                    percentRun = b == '%' ? 1 : b == '0' && percentRun > 0 ? percentRun + 1 : 0;
                    if (percentRun == 3)
                    {
                        bytes[i] = (byte)'1';
                        percentRun = 0;
                    }

                    break;
            }
        }
    }

    static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
