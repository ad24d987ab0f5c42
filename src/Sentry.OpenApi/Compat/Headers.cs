using System.Net.Http.Headers;

namespace Sentry.OpenApi.Compat;

/// <summary>
/// Header reads and copies without parsing: through the non-validating view on .NET 6+ (no parse, no copy of
/// the values), through the plain collection on netstandard2.0, which has no such view.
/// </summary>
internal static class Headers
{
    /// <summary>Every value of <paramref name="name"/>, joined with ", " (several lines of a list header are one list).</summary>
    public static string? Joined(HttpHeaders headers, string name)
    {
#if NET
        return headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
#else
        return headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
#endif
    }

    /// <summary>Copies every header of <paramref name="from"/> into <paramref name="to"/> as stored.</summary>
    public static void CopyTo(HttpHeaders from, HttpHeaders to)
    {
#if NET
        foreach (var header in from.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                to.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                to.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#else
        foreach (var header in from)
        {
            to.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif
    }
}
