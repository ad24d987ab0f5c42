using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace Sentry.Cli.Tests;

/// <summary>
/// A small local Sentry for the tool's tests: an <see cref="HttpListener"/> on 127.0.0.1 and localhost (a free port) that answers
/// canned JSON per method and path, serves lists as pages linked by Sentry-style <c>Link</c> headers, and records
/// every request as it arrived on the wire.
/// </summary>
public sealed class FakeSentry : IDisposable
{
    private const string Json = "application/json";
    private readonly HttpListener _listener = new();
    private readonly List<Route> _routes = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _serving;

    public FakeSentry()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/"); // for --base-url http://localhost:PORT/api/0/
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The API root to pass as <c>--base-url</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/api/0/";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (any query) with the responses in turn; the last one repeats.</summary>
    public FakeSentry On(string method, string path, params Reply[] replies)
    {
        lock (_routes)
        {
            _routes.Add(new Route(method, path, Cursor: null, new Queue<Reply>(replies)));
        }

        return this;
    }

    /// <summary>Answers GET <paramref name="path"/> at one page cursor (e.g. to fail the second page of a walk).</summary>
    public FakeSentry OnCursor(string path, string cursor, params Reply[] replies)
    {
        lock (_routes)
        {
            _routes.Add(new Route("GET", path, cursor, new Queue<Reply>(replies)));
        }

        return this;
    }

    /// <summary>Answers GET <paramref name="path"/> with JSON arrays as pages: the first without a cursor, page i with cursor <c>0:{i*100}:0</c>.</summary>
    public FakeSentry Pages(string path, params string[] pages)
    {
        for (var i = 0; i < pages.Length; i++)
        {
            var link = string.Join(", ",
                Link(path, "previous", $"0:{Math.Max(i - 1, 0) * 100}:1", i > 0),
                Link(path, "next", $"0:{(i + 1) * 100}:0", i < pages.Length - 1));
            lock (_routes)
            {
                _routes.Add(new Route("GET", path, i == 0 ? "" : $"0:{i * 100}:0", new Queue<Reply>([Reply.Ok(pages[i], ("Link", link))])));
            }
        }

        return this;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener was closed under a pending GetContextAsync
        }
    }

    private string Link(string path, string rel, string cursor, bool results) =>
        $"<http://127.0.0.1:{Port}{path}?cursor={cursor}>; rel=\"{rel}\"; results=\"{(results ? "true" : "false")}\"; cursor=\"{cursor}\"";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query.TrimStart('?'),
            HttpUtility.ParseQueryString(request.Url.Query), body, request.Headers["Authorization"], request.Headers["User-Agent"], request.ContentType);
        _requests.Enqueue(recorded);

        var reply = Match(recorded) ?? Reply.Status(404, $"{{\"detail\":\"fake Sentry has no route for {request.HttpMethod} {request.Url.AbsolutePath}\"}}");
        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers.Add(name, value);
        }

        if (reply.Body is { } text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            response.ContentType = Json;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    private Reply? Match(RecordedRequest request)
    {
        lock (_routes)
        {
            // The latest route wins, so a test can override a default.
            var cursor = request.Values["cursor"] ?? "";
            var route = _routes.LastOrDefault(r => r.Method == request.Method && r.Path == request.Path && (r.Cursor is null || r.Cursor == cursor));
            if (route is null)
            {
                return null;
            }

            return route.Replies.Count > 1 ? route.Replies.Dequeue() : route.Replies.Peek();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record Route(string Method, string Path, string? Cursor, Queue<Reply> Replies);
}

/// <summary>A canned answer: status, JSON body (or none), headers.</summary>
public sealed record Reply(int StatusCode, string? Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    public static Reply Ok(string json, params (string Name, string Value)[] headers) => new(200, json, headers);

    public static Reply Status(int statusCode, string? json = null, params (string Name, string Value)[] headers) => new(statusCode, json, headers);
}

/// <summary>A request as the fake received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, NameValueCollection Values, string Body, string? Authorization, string? UserAgent, string? ContentType)
{
    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")}";
}
