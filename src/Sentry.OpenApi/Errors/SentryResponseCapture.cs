namespace Sentry.OpenApi;

/// <summary>
/// What a generated client is reading right now: the call's operation, method and path, and the
/// first bytes of the body as they stream by. The generated clients' <c>ProcessResponse</c> hook
/// starts a capture (synchronously, so the async-local value is visible to the rest of the call)
/// and <see cref="SentryResponseFormatException"/> reads it when a body does not deserialize.
/// </summary>
internal sealed class SentryResponseCapture
{
    private static readonly AsyncLocal<SentryResponseCapture?> CurrentCapture = new();
    private readonly RecordingStream.Recorder _recorder;

    private SentryResponseCapture(string operation, string method, string? pathAndQuery, RecordingStream.Recorder recorder)
    {
        Operation = operation;
        Method = method;
        PathAndQuery = pathAndQuery;
        _recorder = recorder;
    }

    public static SentryResponseCapture? Current => CurrentCapture.Value;

    public string Operation { get; }

    public string Method { get; }

    public string? PathAndQuery { get; }

    public string? BodyExcerpt => _recorder.Text;

    /// <summary>Starts capturing <paramref name="response"/>: wraps its content to record the body's start.</summary>
    public static void Begin(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var method = request?.Method.Method ?? "?";
        var uri = request?.RequestUri;
        var path = uri is null ? null : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var operation = SentryOperations.Find(method, path) ?? $"{method} {path}";
        var recorder = new RecordingStream.Recorder(SentryApiException.MaxBodyExcerptLength);
        if (response.Content is { } content)
        {
            response.Content = new RecordingContent(content, recorder);
        }

        SentryResponseObserver.Current?.Record(response);
        CurrentCapture.Value = new SentryResponseCapture(operation, method, uri?.IsAbsoluteUri == true ? uri.PathAndQuery : uri?.OriginalString, recorder);
    }
}
