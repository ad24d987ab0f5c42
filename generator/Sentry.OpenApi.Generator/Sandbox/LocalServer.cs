using System.Net.Sockets;
using WireMock.Exceptions;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using Sentry.OpenApi.Generator.Output;

namespace Sentry.OpenApi.Generator.Sandbox;

/// <summary>Starts an in-process WireMock.Net server on 127.0.0.1 (never on other interfaces) for the sandbox and record commands.</summary>
internal static class LocalServer
{
    public static WireMockServer Start(int port, Action<WireMockServerSettings>? configure = null)
    {
        var settings = new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            // Only `&` separates values: Sentry's search queries contain commas and semicolons.
            QueryParameterMultipleValueSupport = QueryParameterMultipleValueSupport.Ampersand,
        };
        configure?.Invoke(settings);
        if (port != 0 && !IsFree(port))
        {
            throw new OutputException($"port {port} on 127.0.0.1 is in use; stop what listens there or pass another --port (0 picks a free one).");
        }

        try
        {
            return WireMockServer.Start(settings);
        }
        catch (WireMockException e) when (IsAddressInUse(e))
        {
            throw new OutputException($"port {port} on 127.0.0.1 is in use; stop what listens there or pass another --port (0 picks a free one).", e);
        }
        catch (WireMockException e)
        {
            throw new OutputException($"cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
    }

    /// <summary>The root URL the server answers on, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public static Uri BaseUrl(WireMockServer server) => new($"http://127.0.0.1:{server.Ports[0]}/");

    // WireMock.Net reports a taken port only after its start timeout; a bind of our own answers at once.
    private static bool IsFree(int port)
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || inner is AggregateException aggregate && aggregate.InnerExceptions.Any(IsAddressInUse))
            {
                return true;
            }

            if (inner.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
