using System.CommandLine;

namespace Sentry.OpenApi.Generator.Sandbox;

/// <summary>Options of the commands that run or describe a local server.</summary>
internal static class ServerOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public static Option<int> Port() => new("--port")
    {
        Description = "The port on 127.0.0.1 to listen on (0: any free port).",
        DefaultValueFactory = _ => 8080,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535)
            {
                return port;
            }

            result.AddError($"--port must be a number from 0 to 65535; got '{text}'.");
            return 0;
        },
    };

    /// <summary>An absolute http(s) URL option.</summary>
    public static Option<Uri> HttpUrl(string name, string description, string? defaultValue)
    {
        var option = new Option<Uri>(name)
        {
            Description = description,
            Required = defaultValue is null,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo))
                {
                    return uri;
                }

                result.AddError($"{name} must be an absolute http(s) URL without user info, e.g. https://sentry.io; got '{text}'.");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => new Uri(defaultValue);
        }

        return option;
    }
}
