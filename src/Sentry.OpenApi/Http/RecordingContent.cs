using System.Net;

namespace Sentry.OpenApi;

/// <summary>An <see cref="HttpContent"/> that streams its inner content while recording its first bytes.</summary>
internal sealed class RecordingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly RecordingStream.Recorder _recorder;

    public RecordingContent(HttpContent inner, RecordingStream.Recorder recorder)
    {
        _inner = inner;
        _recorder = recorder;
        foreach (var (name, values) in inner.Headers)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new RecordingStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _recorder);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new RecordingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _recorder);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
