using System.Net;
using System.Net.Sockets;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The loopback transport's server: <see cref="HttpListener"/> on 127.0.0.1 serving <see cref="CannedApi"/>.
/// The app's host process runs it while BenchmarkDotNet's child processes measure, so the server's own
/// allocations and CPU never count in a benchmark (see <see cref="Transports"/>).
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CannedApi _api;
    private readonly Task _accepting;

    private LoopbackServer(int port, int pages)
    {
        Origin = $"http://127.0.0.1:{port}";
        _api = new CannedApi(Origin, pages);
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; }

    /// <summary>Starts a server on a free port.</summary>
    public static LoopbackServer Start(int pages)
    {
        // HttpListener cannot bind port 0: ask the OS for a free one first.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackServer(port, pages);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept: the expected way to stop.
        }
    }

    private async Task AcceptAsync()
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var url = context.Request.Url!;
            var answer = _api.Respond(url.AbsolutePath, url.Query);
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            response.ContentLength64 = answer.Body.Length;
            foreach (var (name, value) in CannedApi.RateLimitHeaders)
            {
                response.Headers[name] = value;
            }

            if (answer.Link is { } link)
            {
                response.Headers["Link"] = link;
            }

            await response.OutputStream.WriteAsync(answer.Body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            response.Abort(); // the client went away
        }
    }
}
