using System.Text;

namespace Sentry.OpenApi;

/// <summary>A read-only pass-through stream that keeps a copy of the first bytes read.</summary>
internal sealed class RecordingStream(Stream inner, RecordingStream.Recorder recorder) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        recorder.Add(buffer.AsSpan(offset, read));
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        recorder.Add(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    /// <summary>Holds up to a fixed number of the bytes read, decoded as UTF-8 on demand.</summary>
    internal sealed class Recorder(int capacity)
    {
        private readonly MemoryStream _bytes = new();

        public string? Text => _bytes.Length == 0 ? null : Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);

        public void Add(ReadOnlySpan<byte> data)
        {
            var room = capacity - (int)_bytes.Length;
            if (room > 0 && data.Length > 0)
            {
                _bytes.Write(data[..Math.Min(room, data.Length)]);
            }
        }
    }
}
