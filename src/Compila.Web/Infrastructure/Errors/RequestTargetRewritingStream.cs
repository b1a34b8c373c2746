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

    State _state = State.LineStart;
    bool _requestMayStart = true;
    bool _connectionStart = true;
    int _lineLength;
    int _methodLength;
    int _percentRun;
    string _method = "";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (_state != State.PassThrough)
        {
            Scan(buffer.Span[..read]);
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        if (_state != State.PassThrough)
        {
            Scan(buffer.AsSpan(offset, read));
        }

        return read;
    }

    void Scan(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length && _state != State.PassThrough; i++)
        {
            var b = bytes[i];
            if (_connectionStart)
            {
                _connectionStart = false;
                if (!IsUpper(b))
                {
                    _state = State.PassThrough;
                    return;
                }
            }

            if (b == '\n')
            {
                _requestMayStart = _lineLength == 0;
                _lineLength = 0;
                _state = State.LineStart;
                continue;
            }

            if (b == '\r')
            {
                continue;
            }

            _lineLength++;
            switch (_state)
            {
                case State.LineStart:
                    _state = _requestMayStart && IsUpper(b) ? State.Method : State.RestOfLine;
                    _methodLength = 1;
                    _method = _state == State.Method ? ((char)b).ToString() : "";
                    break;
                case State.Method when IsUpper(b) && _methodLength < 16:
                    _methodLength++;
                    if (_method.Length < 4)
                    {
                        _method += (char)b;
                    }

                    break;
                case State.Method when b == ' ':
                    _state = _method == "PRI" ? State.PassThrough : State.Target;
                    _percentRun = 0;
                    break;
                case State.Method:
                    _state = State.RestOfLine;
                    break;
                case State.Target when b == ' ':
                    _state = State.RestOfLine;
                    break;
                case State.Target:
                    _percentRun = b == '%' ? 1 : b == '0' && _percentRun > 0 ? _percentRun + 1 : 0;
                    if (_percentRun == 3)
                    {
                        bytes[i] = (byte)'1';
                        _percentRun = 0;
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
