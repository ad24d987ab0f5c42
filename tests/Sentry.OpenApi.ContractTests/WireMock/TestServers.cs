using Microsoft.AspNetCore.Builder;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>In-process WireMock.Net servers on a free loopback port, as every WireMock category uses them.</summary>
internal static class TestServers
{
    /// <summary>The request line's target exactly as the client sent it (WireMock.Net logs the path decoded).</summary>
    public const string RawTargetHeader = "X-Test-Raw-Target";

    public static WireMockServer Start(Action<WireMockServerSettings>? configure = null)
    {
        var settings = new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            // Only `&` separates values: search queries contain commas and semicolons.
            QueryParameterMultipleValueSupport = QueryParameterMultipleValueSupport.Ampersand,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
            {
                var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
                context.Request.Headers[RawTargetHeader] = raw ?? context.Request.Path + context.Request.QueryString;
                await next(context);
            }),
        };
        configure?.Invoke(settings);
        return WireMockServer.Start(settings);
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public static Uri BaseUrl(this WireMockServer server) => new($"http://127.0.0.1:{server.Ports[0]}/");

    /// <summary>Every request the server received (that arrived at or after <paramref name="since"/>, UTC), oldest first.</summary>
    public static IReadOnlyList<WireRequest> Requests(this WireMockServer server, DateTime since = default) =>
        server.LogEntries.Where(e => e.RequestMessage!.DateTime >= since).OrderBy(e => e.RequestMessage!.DateTime).Select(WireRequest.From).ToList();
}
