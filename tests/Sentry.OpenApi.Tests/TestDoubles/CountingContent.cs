using System.Net;
using System.Text;

namespace Sentry.OpenApi.Tests.TestDoubles;

/// <summary>A response body that counts how many of its bytes the client read, and can withhold its length.</summary>
internal sealed class CountingContent(byte[] body, bool sendLength = true) : HttpContent
{
    public CountingContent(string body, bool sendLength = true)
        : this(Encoding.UTF8.GetBytes(body), sendLength)
    {
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    public long BytesRead => Stream?.Consumed ?? 0;

    public long Length => body.Length;

    private CountingStream? Stream { get; set; }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(Stream = new CountingStream(body));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body, 0, body.Length);

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return sendLength;
    }

    // Composition, not inheritance: MemoryStream's own Read overloads call each other.
    private sealed class CountingStream(byte[] body) : Stream
    {
        private readonly MemoryStream _inner = new(body, writable: false);

        public long Consumed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await _inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            Consumed += read;
            return read;
        }
    }
}
