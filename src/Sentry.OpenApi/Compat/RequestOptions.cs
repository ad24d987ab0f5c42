namespace Sentry.OpenApi.Compat;

/// <summary>
/// Values a request carries through the handler pipeline: <c>HttpRequestMessage.Options</c> on .NET 5+,
/// its predecessor <c>Properties</c> on netstandard2.0. The one place the two frameworks differ here.
/// </summary>
internal static class RequestOptions
{
    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    public static bool TryGet<T>(HttpRequestMessage request, string key, out T value)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out value!);
#else
        if (request.Properties.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
#endif
    }
}
