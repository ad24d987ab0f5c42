namespace Sentry.OpenApi.Auth;

/// <summary>
/// Finds the auth token, in order: the explicit token (<see cref="SentryApiClientOptions.AuthToken"/>);
/// the <c>SENTRY_AUTH_TOKEN</c> environment variable; the <c>~/.netrc</c> entry for the API host (then,
/// for a Sentry SaaS region host such as <c>us.sentry.io</c>, the <c>sentry.io</c> entry), else its
/// <c>default</c> entry. As in curl, the first entry that matches answers, with or without a password,
/// and only the first netrc file that exists is read. No message ever contains a token or user info.
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
        if (explicitToken is not null && !string.IsNullOrWhiteSpace(explicitToken))
        {
            return IsOneWord(explicitToken.Trim())
                ? explicitToken.Trim()
                : throw new ArgumentException($"SentryApiClientOptions.AuthToken {NotOneWord}", "AuthToken");
        }

        if (environment(EnvironmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Checked(fromEnvironment, $"the {EnvironmentVariable} environment variable");
        }

        var host = baseUrl.IdnHost;
        var netrcPaths = NetrcPaths(homeDirectory);
        string? emptyEntry = null;
        // curl reads the first file that exists (.netrc, then _netrc on Windows), not both.
        foreach (var path in netrcPaths.Where(File.Exists).Take(1))
        {
            var netrc = NetrcFile.Load(path);
            var entry = netrc.FindMachine(host) ?? (IsSaasRegion(host) ? netrc.FindMachine(SaasHost) : null) ?? netrc.Default;
            if (entry is null)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(entry.Password))
            {
                // The entry that matches answers, as in curl: a later 'default' does not fill in its password.
                emptyEntry = $"the {(entry.Machine is null ? "'default'" : $"'machine {entry.Machine}'")} entry in {path} has no 'password'";
                break;
            }

            return Checked(entry.Password!, path);
        }

        throw new SentryMissingTokenException(host, MissingMessage(host, baseUrl, netrcPaths, emptyEntry));
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

    private const string NotOneWord = "contains whitespace, control or non-ASCII characters; a token is one word of printable ASCII (the token is not shown).";

    // A stray newline or space would make an invalid (or a second) header whose error could echo the value.
    private static bool IsOneWord(string token) => !token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e');

    private static string Checked(string token, string source)
    {
        var trimmed = token.Trim();
        return IsOneWord(trimmed) ? trimmed : throw new FormatException($"The Sentry auth token from {source} {NotOneWord}");
    }

    private static string MissingMessage(string host, Uri baseUrl, List<string> netrcPaths, string? emptyEntry)
    {
        var netrc = netrcPaths.Count == 0
            ? "~/.netrc (no home directory was found)"
            : string.Join(" or ", netrcPaths);
        var netrcEntry = IsSaasRegion(host)
            ? $"a 'machine {host}' or 'machine {SaasHost}' entry, or a 'default' entry, with a 'password'"
            : $"a 'machine {host}' entry, or a 'default' entry, with a 'password'";
        var selfHosted = IsSaasHost(host)
            ? ""
            : $" (on a self-hosted Sentry: {SentryTrustedOrigins.OriginOf(baseUrl)}/settings/account/api/auth-tokens/)";
        return $"No Sentry auth token was found for {host}. Looked, in this order, at: "
            + "1. SentryApiClientOptions.AuthToken (not set); "
            + $"2. the {EnvironmentVariable} environment variable (not set or empty); "
            + $"3. {netrc} ({netrcEntry}; {emptyEntry ?? "none found"}). "
            + $"Create a token at {TokenSettingsUrl}{selfHosted} and put it in one of these.";
    }

    private static bool IsSaasHost(string host) =>
        string.Equals(host, SaasHost, StringComparison.OrdinalIgnoreCase) || IsSaasRegion(host);
}
