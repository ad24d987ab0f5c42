using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>The transport failures <see cref="SocketFaultListener"/> produces, named by what the client sees.</summary>
public enum TransportFault
{
    /// <summary>The request arrives, then the connection is reset (TCP RST).</summary>
    ConnectionResetByPeer,

    /// <summary>The request arrives, then the connection is closed without a byte of response.</summary>
    CloseWithoutResponse,

    /// <summary>Bytes that are not HTTP, then the connection is closed.</summary>
    RandomDataThenClose,

    /// <summary>A valid 200 head promising a longer body, the first half of the body, then the connection is closed.</summary>
    CloseMidBody,

    /// <summary>A valid 200 head, the first half of the body, then nothing: the connection stays open until the listener stops.</summary>
    StallMidBody,
}

/// <summary>A canned HTTP response the listener sends instead of a fault (the good first page of a walk).</summary>
internal sealed record CannedResponse(string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>One request the listener received.</summary>
internal sealed record ListenerRequest(string Method, string Target)
{
    public string Path => Uri.UnescapeDataString(Target.Split('?', 2)[0]);

    public bool HasQuery(string name) => Target.Contains($"?{name}=", StringComparison.Ordinal) || Target.Contains($"&{name}=", StringComparison.Ordinal);
}

/// <summary>
/// A socket-level listener on 127.0.0.1 that reads each HTTP request and answers it with a real
/// transport fault (what WireMock.Net's faults, which arrive as HTTP 200, cannot do). Bounded: it
/// accepts at most <c>maxConnections</c> and stops by itself after <c>lifetime</c>.
/// </summary>
internal sealed class SocketFaultListener : IAsyncDisposable
{
    private const string DefaultBody = """{"id":"7","slug":"the-interstellar-jurisdiction","name":"The Interstellar Jurisdiction"}""";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop;
    private readonly TransportFault _fault;
    private readonly Func<ListenerRequest, CannedResponse?> _serve;
    private readonly string _body;
    private readonly List<ListenerRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private SocketFaultListener(TransportFault fault, Func<ListenerRequest, CannedResponse?> serve, string body, int maxConnections, TimeSpan lifetime)
    {
        _fault = fault;
        _serve = serve;
        _body = body;
        _stop = new CancellationTokenSource(lifetime);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(maxConnections);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<ListenerRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>
    /// Starts listening; <paramref name="serve"/> may answer a request properly instead of faulting it. <paramref name="body"/>
    /// is the documented 200 body of the faulty endpoint, of which <see cref="TransportFault.CloseMidBody"/> sends the first half:
    /// a streaming reader must meet the cut, not a wrong shape, before the end.
    /// </summary>
    public static SocketFaultListener Start(TransportFault fault, Func<ListenerRequest, CannedResponse?>? serve = null, string body = DefaultBody, int maxConnections = 32, TimeSpan? lifetime = null) =>
        new(fault, serve ?? (_ => null), body, maxConnections, lifetime ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
            Task[] open;
            lock (_connections)
            {
                open = _connections.ToArray();
            }

            await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(int maxConnections)
    {
        for (var accepted = 0; accepted < maxConnections && !_stop.IsCancellationRequested; accepted++)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(HandleAsync(socket));
            }
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var request = await ReadRequestAsync(socket).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                lock (_requests)
                {
                    _requests.Add(request);
                }

                if (_serve(request) is { } canned)
                {
                    await SendAsync(socket, Head(200, canned.Headers, Encoding.UTF8.GetByteCount(canned.Body)) + canned.Body).ConfigureAwait(false);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }

                await FaultAsync(socket).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up first: nothing left to do with this connection.
            }
        }
    }

    private async Task FaultAsync(Socket socket)
    {
        switch (_fault)
        {
            case TransportFault.ConnectionResetByPeer:
                socket.LingerState = new LingerOption(true, 0); // close now sends RST, not FIN
                socket.Close();
                break;
            case TransportFault.CloseWithoutResponse:
                socket.Shutdown(SocketShutdown.Both);
                break;
            case TransportFault.RandomDataThenClose:
                var noise = new byte[256];
                new Random(20_11).NextBytes(noise);
                noise[0] = 0x00; // never by chance the start of "HTTP/"
                await socket.SendAsync(noise, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                socket.Shutdown(SocketShutdown.Both);
                break;
            case TransportFault.CloseMidBody:
                await SendAsync(socket, Head(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetByteCount(_body) + 4096) + _body[..(_body.Length / 2)]).ConfigureAwait(false);
                socket.Shutdown(SocketShutdown.Both);
                break;
            case TransportFault.StallMidBody:
                await SendAsync(socket, Head(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetByteCount(_body) + 4096) + _body[..(_body.Length / 2)]).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                break;
        }
    }

    private static string Head(int status, IReadOnlyDictionary<string, string> headers, int contentLength)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} OK\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return head.Append("Content-Length: ").Append(contentLength).Append("\r\nConnection: close\r\n\r\n").ToString();
    }

    private Task SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None, _stop.Token).AsTask();

    // Reads the head and a Content-Length body; at most 64 KiB, within the listener's lifetime.
    private async Task<ListenerRequest?> ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer, length)) < 0)
        {
            if (length == buffer.Length)
            {
                return null;
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headEnd).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var contentLength = head.Skip(1).Select(h => h.Split(':', 2)).Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var bodyRead = length - (headEnd + 4);
        while (bodyRead < contentLength && bodyRead < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(0), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            bodyRead += read;
        }

        return new ListenerRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/");
    }

    private static int IndexOfHeadEnd(byte[] buffer, int length) => buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
}
