using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Sentry.OpenApi.Errors;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi.Http;

/// <summary>
/// The base of every generated tag client (<see cref="IssuesClient"/>, ...): the one way a generated method
/// sends its request and reads its response. Non-2xx responses become the <see cref="SentryApiException"/>
/// hierarchy here, whatever handlers the <see cref="HttpClient"/> has; bodies are streamed into the result
/// type with a size limit, and reads end when the call is cancelled.
/// </summary>
public abstract class SentryClientBase
{
    // One serializer for every call: its settings and contract cache are shared and thread-safe.
    private static readonly JsonSerializer Serializer = SentryJson.CreateSerializer();

    // HttpMethod has no Patch on netstandard2.0; one instance for every PATCH (SCIM updates).
    private protected static readonly HttpMethod PatchMethod = new("PATCH");

    private protected SentryClientBase(SentryClientContext context)
    {
        Context = context;
    }

    private protected SentryClientContext Context { get; }

    /// <summary>The URL the generated <c>api/0/...</c> paths are appended to.</summary>
    private protected string BaseUrl => Context.BaseUrl;

    /// <summary>
    /// Sends <paramref name="request"/> for <paramref name="operation"/> and returns its 2xx response with the
    /// body unread; any other status is thrown as its <see cref="SentryApiException"/>.
    /// </summary>
    private protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, SentryOperation operation, CancellationToken cancellationToken)
    {
        request.SetOperation(operation);
        // The second line of defence behind SentryPath: whatever the values were, the URL that is sent
        // (after Uri collapsed its dot segments) addresses exactly this operation's endpoint.
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || !operation.MatchesPath(uri.AbsolutePath, Context.BasePath))
        {
            throw new ArgumentException($"{operation.Id}: the request path '{request.RequestUri?.AbsolutePath}' does not match '/{operation.PathTemplate}' with one segment per parameter; nothing was sent.");
        }

        HttpResponseMessage response;
        try
        {
            response = await Context.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw SentryErrors.Transport(request, operation, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout of a caller's own HttpClient.
            throw new TimeoutException($"{operation.Id} ({request.Method} {request.RequestUri?.AbsolutePath}) did not complete within the HttpClient's timeout.", e);
        }

        if ((int)response.StatusCode is >= 200 and <= 299)
        {
            return response;
        }

        using (response)
        {
            throw await SentryErrors.FromResponseAsync(request, response, operation, Context.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deserializes the 2xx body of <paramref name="response"/> as <typeparamref name="T"/>, streaming.</summary>
    private protected async Task<T> ReadAsync<T>(HttpResponseMessage response, SentryOperation operation, CancellationToken cancellationToken)
    {
        var limit = Context.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > limit)
        {
            throw SentryErrors.TooLarge(response, operation, limit, length);
        }

        Stream stream;
        try
        {
            stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw SentryErrors.Transport(response.RequestMessage!, operation, e);
        }

        using var body = stream as ResponseBodyStream ?? new ResponseBodyStream(stream);
        body.CancelOn(cancellationToken);
        body.Limit(limit, max => SentryErrors.TooLarge(response, operation, max, length: null));
        body.KeepExcerpt(SentryApiException.MaxBodyExcerptLength);
        try
        {
            // StreamReader's default buffer (1 KiB of bytes, 1 KiB of chars): a larger one cost 9 KB more per call
            // and saved nothing measurable; the JSON reader's own buffer is pooled (bench/README.md).
            using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
            using var json = new JsonTextReader(text) { CloseInput = false, ArrayPool = JsonCharPool.Shared };
            var value = Serializer.Deserialize<T>(json);
            return value ?? throw SentryErrors.Format(response, operation, body.Excerpt, "the body is empty or null", inner: null);
        }
        catch (JsonException e)
        {
            throw SentryErrors.Format(response, operation, body.Excerpt, e.Message, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw SentryErrors.Transport(response.RequestMessage!, operation, e);
        }
    }

    /// <summary>A JSON request body, serialized with the client's settings.</summary>
    private protected static HttpContent CreateJsonContent(object body)
    {
        var json = JsonConvert.SerializeObject(body, SentryJson.Settings);
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    /// <summary>Adds a file part to a multipart form.</summary>
    private protected static void AddFormFile(MultipartFormDataContent form, string name, FileParameter? file)
    {
        if (file is null)
        {
            return;
        }

        var part = new StreamContent(file.Data);
        if (!string.IsNullOrEmpty(file.ContentType))
        {
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        }

        form.Add(part, name, file.FileName ?? name);
    }

    /// <summary>Adds a text field to a multipart form (omitted when null).</summary>
    private protected static void AddFormField(MultipartFormDataContent form, string name, object? value)
    {
        if (value is string or null or not System.Collections.IEnumerable)
        {
            if (value is not null)
            {
                form.Add(new StringContent(SentryQueryBuilder.Text(value)), name);
            }

            return;
        }

        foreach (var item in (System.Collections.IEnumerable)value)
        {
            if (item is not null)
            {
                form.Add(new StringContent(SentryQueryBuilder.Text(item)), name);
            }
        }
    }
}
