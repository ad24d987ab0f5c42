using System.CommandLine;
using Sentry.Cli.Http;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli;

/// <summary>
/// One invocation: the parsed global options, the output, and the Sentry client, made on first use so that a
/// usage error is reported before any token is looked up.
/// </summary>
internal sealed class CliSession : IDisposable
{
    public const string OrgVariable = "SENTRY_ORG";
    public const string UrlVariable = "SENTRY_URL";

    private readonly ParseResult _parse;
    private readonly GlobalOptions _globals;
    private SentryApiClient? _client;
    private HttpClient? _http;
    private TextWriterLoggerFactory? _loggers;

    public CliSession(ParseResult parse, GlobalOptions globals, CliHost host)
    {
        _parse = parse;
        _globals = globals;
        Host = host;
        Verbose = parse.GetValue(globals.Verbose);
        Out = new CliOutput(host, parse.GetValue(globals.Json));
    }

    public CliHost Host { get; }

    public CliOutput Out { get; }

    public bool Verbose { get; }

    /// <summary>The organization: <c>--org</c>, else <c>SENTRY_ORG</c>.</summary>
    public string Org
    {
        get
        {
            var org = _parse.GetValue(_globals.Org) ?? Host.Environment(OrgVariable);
            return string.IsNullOrWhiteSpace(org)
                ? throw new CliUsageException($"No organization: pass --org SLUG or set {OrgVariable}.")
                : org.Trim();
        }
    }

    /// <summary>The client of the generated API, over the pipeline the library builds (auth, retries, typed errors).</summary>
    public SentryApiClient Client => _client ??= Create(options => new SentryApiClient(options, Transport()));

    /// <summary>
    /// A plain <see cref="HttpClient"/> over the same pipeline (for <c>api</c>), and the API root its paths are relative to.
    /// </summary>
    public (HttpClient Http, Uri BaseUrl) Raw()
    {
        var options = ClientOptions();
        _http ??= Create(o => new HttpClient(SentryApiClient.CreatePipeline(o, Transport()), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline bounds each attempt
            MaxResponseContentBufferSize = o.MaxResponseBytes,
        });
        return (_http, options.BaseUrl);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
        _loggers?.Dispose();
    }

    private T Create<T>(Func<SentryApiClientOptions, T> create)
    {
        var options = ClientOptions();
        try
        {
            return create(options);
        }
        catch (ArgumentException e)
        {
            // The library names its option; say which flag that is.
            var flag = e.ParamName switch
            {
                nameof(SentryApiClientOptions.AuthToken) => "--token",
                nameof(SentryApiClientOptions.BaseUrl) => "--base-url",
                _ => null,
            };
            throw new CliUsageException(flag is null ? e.Message : $"{flag}: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliTokenException($"The auth token could not be read: {e.Message}", e);
        }
    }

    private SentryApiClientOptions ClientOptions()
    {
        if (Verbose)
        {
            _loggers ??= new TextWriterLoggerFactory(Host.Error);
        }

        return new SentryApiClientOptions
        {
            AuthToken = _parse.GetValue(_globals.Token), // null: the library reads SENTRY_AUTH_TOKEN, then ~/.netrc
            BaseUrl = BaseUrls.Resolve(_parse.GetValue(_globals.BaseUrl) ?? Host.Environment(UrlVariable)),
            UserAgent = $"sentry-api/{ToolVersion.Value} {SentryApiClientOptions.DefaultUserAgent}",
            LoggerFactory = _loggers,
        };
    }

    private HttpMessageHandler Transport()
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        return Verbose ? new RequestLogHandler(Host.Error) { InnerHandler = sockets } : sockets;
    }
}
