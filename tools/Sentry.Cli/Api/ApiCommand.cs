using System.CommandLine;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sentry.Cli.Output;
using Sentry.OpenApi;
using Sentry.OpenApi.Serialization;

namespace Sentry.Cli.Api;

/// <summary>
/// <c>api METHOD PATH [--data JSON] [--all]</c>: any endpoint, through the library's pipeline (the token, only
/// to the API host; retries; rate-limit waits; the per-attempt timeout) with its typed errors. <c>--all</c>
/// follows the cursors of Sentry's <c>Link</c> header and prints one item per line.
/// </summary>
internal static class ApiCommand
{
    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE"];
    private static readonly JsonSerializer Reader = JsonSerializer.Create(SentryJson.Configure(new JsonSerializerSettings()));

    public static Command Create(ToolContext tool)
    {
        var method = new Argument<string>("METHOD") { Description = "GET, PUT, POST or DELETE." };
        method.Validators.Add(result =>
        {
            if (!Methods.Contains(result.GetValueOrDefault<string>()?.ToUpperInvariant()))
            {
                result.AddError($"METHOD must be one of {string.Join(", ", Methods)}.");
            }
        });
        var path = new Argument<string>("PATH") { Description = "The endpoint, relative to the API root: organizations/acme/ or /api/0/organizations/acme/ (a query string may follow)." };
        var data = new Option<string>("--data", "-d") { Description = "The JSON request body, or @FILE to read it from a file.", HelpName = "JSON" };
        var all = new Option<bool>("--all") { Description = "GET every page (following the Link header's cursors) and print one item per line." };
        var command = new Command("api", "Call any endpoint of the Sentry API, with auth, retries and typed errors; prints the JSON response.") { method, path, data, all };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var verb = parse.GetRequiredValue(method).ToUpperInvariant();
            var body = Body(parse.GetValue(data), verb);
            var walk = parse.GetValue(all);
            if (walk && verb != "GET")
            {
                throw new CliUsageException("api: --all follows pages of a GET; it cannot be used with " + verb + ".");
            }

            var (http, baseUrl) = session.Raw();
            var url = ApiPath.Resolve(baseUrl, parse.GetRequiredValue(path));
            return walk
                ? await WalkAsync(session, http, url, cancellationToken)
                : await OnceAsync(session, http, verb, url, body, cancellationToken);
        });
        return command;
    }

    private static async Task<int> OnceAsync(CliSession session, HttpClient http, string verb, Uri url, string? body, CancellationToken cancellationToken)
    {
        var (text, _) = await SendAsync(http, verb, url, body, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExitCodes.Ok; // 202/204: nothing to print
        }

        if (Parse(text) is { } json)
        {
            session.Out.Document(json);
        }
        else
        {
            session.Out.Text(text.TrimEnd());
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> WalkAsync(CliSession session, HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        var count = 0;
        var pages = 0;
        string? cursor = null;
        while (true)
        {
            var (text, response) = await SendAsync(http, "GET", cursor is null ? url : ApiPath.WithCursor(url, cursor), null, cancellationToken);
            if (Parse(text) is not JArray items)
            {
                throw new CliUsageException($"api --all: {url.AbsolutePath} did not answer with a JSON list (page {pages + 1}); call it without --all.");
            }

            pages++;
            foreach (var item in items)
            {
                session.Out.Line(item);
            }

            count += items.Count;
            var links = Links(response, url);
            session.Out.Note($"page {pages}: {items.Count} items ({count} so far)");
            if (!links.HasNext)
            {
                session.Out.Note($"{count} items in all.");
                return ExitCodes.Ok;
            }

            var next = links.Next!.Cursor!;
            if (next == cursor)
            {
                throw new SentryPaginationException("api", count, pages, cursor, $"api --all: Sentry returned the same cursor '{cursor}' again; stopping instead of looping.");
            }

            cursor = next;
        }
    }

    private static async Task<(string Text, HttpResponseMessage Response)> SendAsync(HttpClient http, string verb, Uri url, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), url);
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw SentryTransportException.For(request, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await SentryApiException.FromResponseAsync(response, cancellationToken);
            }
        }

        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw SentryTransportException.For(request, e);
        }

        return (text, response);
    }

    private static SentryLinks Links(HttpResponseMessage response, Uri url)
    {
        var header = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;
        try
        {
            return SentryLinkHeader.Parse(header);
        }
        catch (FormatException e)
        {
            throw new SentryPaginationException("api", 0, 0, null, $"api --all: the Link header of {url.AbsolutePath} cannot be read: {e.Message}");
        }
    }

    private static string? Body(string? data, string verb)
    {
        if (data is null)
        {
            return null;
        }

        if (verb == "GET")
        {
            throw new CliUsageException("api: a GET has no body; put parameters in the PATH's query string.");
        }

        var text = data;
        if (data.StartsWith('@'))
        {
            var file = data[1..];
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new CliUsageException($"--data: cannot read {TerminalText.Clean(file)}: {TerminalText.Clean(e.Message)}");
            }
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            Reader.Deserialize<JToken>(reader);
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--data is not JSON: {TerminalText.Clean(e.Message)}");
        }

        return text;
    }

    // JSON read the way the library reads it: dates stay the text Sentry sent, numbers stay exact.
    private static JToken? Parse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            return Reader.Deserialize<JToken>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
