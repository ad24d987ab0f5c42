namespace Sentry.OpenApi.Auth;

/// <summary>
/// Finds the auth token, in order: the explicit token (<see cref="SentryApiClientOptions.AuthToken"/>);
/// the <c>SENTRY_AUTH_TOKEN</c> environment variable; the <c>~/.netrc</c> entry for the API host (then,
/// for a Sentry SaaS region host such as <c>us.sentry.io</c>, the <c>sentry.io</c> entry), else its
/// <c>default</c> entry. No message ever contains a token.
/// </summary>
internal static class SentryTokenSources
{
    public const string EnvironmentVariable = "SENTRY_AUTH_TOKEN";

    public const string TokenSettingsUrl = "https://sentry.io/settings/account/api/auth-tokens/";

    private const string SaasHost = "sentry.io";

    /// <summary>Resolves the token from the real environment and home directory.</summary>
    /// <exception cref="SentryMissingTokenException">No source has a token.</exception>
    public static string Resolve(string? explicitToken, Uri baseUrl) =>
        Resolve(explicitToken, baseUrl, Environment.GetEnvironmentVariable, HomeDirectory());

    /// <summary>Resolves the token from <paramref name="environment"/> and the netrc file under <paramref name="homeDirectory"/>.</summary>
    /// <exception cref="SentryMissingTokenException">No source has a token.</exception>
    /// <exception cref="FormatException">The netrc file is malformed.</exception>
    /// <exception cref="IOException">The netrc file exists but cannot be read.</exception>
    public static string Resolve(string? explicitToken, Uri baseUrl, Func<string, string?> environment, string? homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitToken))
        {
            return Checked(explicitToken, "SentryApiClientOptions.AuthToken");
        }

        if (environment(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Checked(fromEnvironment, $"the {EnvironmentVariable} environment variable");
        }

        var host = baseUrl.IdnHost;
        var netrcPaths = NetrcPaths(homeDirectory);
        foreach (var path in netrcPaths)
        {
            var netrc = NetrcFile.Load(path);
            var password = netrc.FindMachine(host)?.Password
                ?? (IsSaasRegion(host) ? netrc.FindMachine(SaasHost)?.Password : null)
                ?? netrc.Default?.Password;
            if (!string.IsNullOrWhiteSpace(password))
            {
                return Checked(password, path);
            }
        }

        throw new SentryMissingTokenException(host, MissingMessage(host, baseUrl, netrcPaths));
    }

    // Windows tools use both names; curl looks for .netrc first.
    private static List<string> NetrcPaths(string? homeDirectory)
    {
        if (string.IsNullOrEmpty(homeDirectory))
        {
            return [];
        }

        var paths = new List<string> { Path.Combine(homeDirectory, ".netrc") };
        if (OperatingSystem.IsWindows())
        {
            paths.Add(Path.Combine(homeDirectory, "_netrc"));
        }

        return paths;
    }

    private static string? HomeDirectory()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (!string.IsNullOrEmpty(home))
        {
            return home;
        }

        var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(profile) ? null : profile;
    }

    // One token works in every region, and a netrc usually names sentry.io only.
    private static bool IsSaasRegion(string host) =>
        host.EndsWith("." + SaasHost, StringComparison.OrdinalIgnoreCase);

    // A stray newline or space would make an invalid header whose error could echo the value.
    private static string Checked(string token, string source)
    {
        var trimmed = token.Trim();
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e'))
        {
            throw new FormatException($"The Sentry auth token from {source} contains whitespace, control or non-ASCII characters; a token is one word of printable ASCII.");
        }

        return trimmed;
    }

    private static string MissingMessage(string host, Uri baseUrl, List<string> netrcPaths)
    {
        var netrc = netrcPaths.Count == 0
            ? "~/.netrc (no home directory was found)"
            : string.Join(" or ", netrcPaths);
        var netrcEntry = IsSaasRegion(host)
            ? $"a 'machine {host}' or 'machine {SaasHost}' entry, or a 'default' entry, with a 'password'"
            : $"a 'machine {host}' entry, or a 'default' entry, with a 'password'";
        var selfHosted = IsSaasHost(host)
            ? ""
            : $" (on a self-hosted Sentry: {baseUrl.GetLeftPart(UriPartial.Authority)}/settings/account/api/auth-tokens/)";
        return $"No Sentry auth token was found for {host}. Looked, in this order, at: "
            + "1. SentryApiClientOptions.AuthToken (not set); "
            + $"2. the {EnvironmentVariable} environment variable (not set or empty); "
            + $"3. {netrc} ({netrcEntry}; none found). "
            + $"Create a token at {TokenSettingsUrl}{selfHosted} and put it in one of these.";
    }

    private static bool IsSaasHost(string host) =>
        string.Equals(host, SaasHost, StringComparison.OrdinalIgnoreCase) || IsSaasRegion(host);
}
