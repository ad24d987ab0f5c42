namespace Sentry.OpenApi.Errors;

/// <summary>
/// Keeps the caller's credential out of what the client shows: a server (or a proxy) that echoes the
/// request's <c>Authorization</c> header into its error body must not put the token into an exception
/// message, a body excerpt or a log.
/// </summary>
internal static class SentryRedaction
{
    public const string Marker = "[redacted]";

    /// <summary>The credential a request carries (the token of <c>Authorization: Bearer ...</c>), if any.</summary>
    public static string? SecretOf(HttpRequestMessage? request) =>
        request?.Headers.Authorization is { Parameter: { Length: > 0 } parameter } ? parameter : null;

    // Shorter "secrets" are no credential anyone issues; replacing them would garble ordinary words.
    private const int ShortestSecret = 8;

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced by <see cref="Marker"/>.</summary>
    public static string? Redact(string? text, string? secret) =>
        text is null || secret is null || secret.Length < ShortestSecret ? text : text.Replace(secret, Marker);
}
