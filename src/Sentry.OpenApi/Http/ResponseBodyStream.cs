using System.Buffers;

namespace Sentry.OpenApi.Http;

/// <summary>
/// The response body as the client reads it: streamed, never buffered whole. It counts bytes against a
/// limit (so an oversized body fails before its memory is spent), keeps the first bytes for an error
/// excerpt (in a pooled buffer), and can be aborted by a token: Newtonsoft reads synchronously, which no
/// token can interrupt, but disposing the transport's stream ends a blocked read at once.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly Stream _inner;
    // At most one of each (the call's token, the attempt's deadline): two fields, no list and no boxed state per body.
    private CancellationTokenRegistration _cancelRegistration;
    private CancellationTokenRegistration _timeoutRegistration;
    private CancellationToken _cancelToken;
    private CancellationToken _deadlineToken;
    private byte[]? _excerpt;
    private int _excerptLength;
    private int _excerptCapacity;
    private long _read;
    private long _limit = long.MaxValue;
    private Func<long, Exception>? _tooLarge;
    private volatile AbortReason _aborted;
    private CancellationToken _abortToken;
    private TimeSpan _timeout;

    public ResponseBodyStream(Stream inner)
    {
        _inner = inner;
    }

    private enum AbortReason
    {
        None,
        Cancelled,
        TimedOut,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>How many bytes were read so far.</summary>
    public long BytesRead => _read;

    /// <summary>The first bytes read, decoded as UTF-8 (null when nothing was read or no excerpt was asked for).</summary>
    public string? Excerpt => _excerptLength == 0 ? null : System.Text.Encoding.UTF8.GetString(_excerpt!, 0, _excerptLength);

    /// <summary>Ends reads with <see cref="OperationCanceledException"/> when <paramref name="token"/> is cancelled.</summary>
    public void CancelOn(CancellationToken token)
    {
        if (token.CanBeCanceled)
        {
            _cancelRegistration.Dispose();
            _cancelToken = token;
            _cancelRegistration = token.Register(static state => ((ResponseBodyStream)state!).Abort(AbortReason.Cancelled), this);
        }
    }

    /// <summary>Ends reads with <see cref="TimeoutException"/> when <paramref name="token"/> (an attempt deadline) fires.</summary>
    public void TimeOutOn(CancellationToken token, TimeSpan timeout)
    {
        if (token.CanBeCanceled)
        {
            _timeoutRegistration.Dispose();
            _deadlineToken = token;
            _timeout = timeout;
            _timeoutRegistration = token.Register(static state => ((ResponseBodyStream)state!).Abort(AbortReason.TimedOut), this);
        }
    }

    /// <summary>Fails the read that goes past <paramref name="maxBytes"/> with the exception <paramref name="tooLarge"/> makes.</summary>
    public void Limit(long maxBytes, Func<long, Exception> tooLarge)
    {
        _limit = maxBytes;
        _tooLarge = tooLarge;
    }

    /// <summary>Keeps up to <paramref name="bytes"/> of the body's start for error messages.</summary>
    public void KeepExcerpt(int bytes)
    {
        _excerpt ??= ArrayPool<byte>.Shared.Rent(bytes);
        _excerptCapacity = bytes;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            var read = _inner.Read(buffer, offset, count);
            return Count(buffer.AsSpan(offset, read));
        }
        catch (Exception e) when (IsAbort(e))
        {
            throw Aborted(e);
        }
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        try
        {
            var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            return Count(buffer.AsSpan(offset, read));
        }
        catch (Exception e) when (IsAbort(e))
        {
            throw Aborted(e);
        }
    }

#if NET
    // The Span/Memory overloads readers use on .NET (netstandard2.0's Stream has none to override).
    public override int Read(Span<byte> buffer)
    {
        try
        {
            var read = _inner.Read(buffer);
            return Count(buffer[..read]);
        }
        catch (Exception e) when (IsAbort(e))
        {
            throw Aborted(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Count(buffer.Span[..read]);
        }
        catch (Exception e) when (IsAbort(e))
        {
            throw Aborted(e);
        }
    }
#endif

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
            _cancelRegistration.Dispose();
            _timeoutRegistration.Dispose();
            _inner.Dispose();
            if (_excerpt is { } excerpt)
            {
                _excerpt = null;
                ArrayPool<byte>.Shared.Return(excerpt);
            }
        }

        base.Dispose(disposing);
    }

    private void Abort(AbortReason reason)
    {
        if (_aborted != AbortReason.None)
        {
            return;
        }

        _abortToken = reason == AbortReason.TimedOut ? _deadlineToken : _cancelToken;
        _aborted = reason;
        _inner.Dispose(); // ends a read blocked on the socket
    }

    // What a read of an aborted stream throws, depending on the transport.
    private bool IsAbort(Exception e) =>
        _aborted != AbortReason.None && e is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException;

    private Exception Aborted(Exception cause) => _aborted == AbortReason.TimedOut
        ? new TimeoutException($"The response body did not arrive within the attempt timeout of {_timeout.TotalSeconds:0.###} s.", cause)
        : new OperationCanceledException("The call was cancelled while the response body was being read.", cause, _abortToken);

    private int Count(ReadOnlySpan<byte> data)
    {
        if (_aborted != AbortReason.None)
        {
            throw Aborted(new ObjectDisposedException(nameof(ResponseBodyStream)));
        }

        if (_excerpt is { } excerpt && _excerptLength < _excerptCapacity && data.Length > 0)
        {
            var take = Math.Min(_excerptCapacity - _excerptLength, data.Length);
            data[..take].CopyTo(excerpt.AsSpan(_excerptLength));
            _excerptLength += take;
        }

        _read += data.Length;
        if (_read > _limit)
        {
            throw _tooLarge!(_limit);
        }

        return data.Length;
    }
}
