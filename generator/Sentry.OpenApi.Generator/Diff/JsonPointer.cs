namespace Sentry.OpenApi.Generator.Diff;

/// <summary>RFC 6901 JSON pointers into a bundled spec (<c>/paths/~1api~10~1x~1/get</c>).</summary>
internal static class JsonPointer
{
    /// <summary>The pointer made of <paramref name="tokens"/>, each escaped.</summary>
    public static string Build(params string[] tokens) => string.Concat(tokens.Select(t => "/" + Escape(t)));

    /// <summary><paramref name="pointer"/> extended by <paramref name="tokens"/>.</summary>
    public static string Append(string pointer, params string[] tokens) => pointer + Build(tokens);

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
