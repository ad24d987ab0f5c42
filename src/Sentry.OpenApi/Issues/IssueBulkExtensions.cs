namespace Sentry.OpenApi;

/// <summary>
/// Bulk mutate and bulk remove for any number of issues: Sentry takes the ids as repeated <c>id</c>
/// query parameters, so long lists are sent in batches of at most <see cref="MaxIdsPerRequest"/>.
/// </summary>
public static class IssueBulkExtensions
{
    /// <summary>The most ids one bulk request carries.</summary>
    public const int MaxIdsPerRequest = 100;

    /// <summary>
    /// Applies <paramref name="update"/> to every issue in <paramref name="ids"/>, one request per batch of
    /// at most 100 ids. Returns the applied changes, merged over the batches (later batches win per field).
    /// A merge (<c>Merge = true</c>) cannot span batches and is refused for more than 100 ids.
    /// </summary>
    public static async Task<IssueMutationResult> BulkMutateProjectIssuesInBatchesAsync(this IIssuesClient issues,
        string organizationSlug, string projectSlug, IssueUpdate update, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(update);
        var batches = Batches(ids);
        if (update.Merge == true && batches.Count > 1)
        {
            throw new ArgumentException($"A merge cannot span batches: {batches.Sum(b => b.Length)} ids exceed {MaxIdsPerRequest}.", nameof(ids));
        }

        var merged = new IssueMutationResult();
        foreach (var batch in batches)
        {
            var result = await issues.BulkMutateProjectIssuesAsync(organizationSlug, projectSlug, update, batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            Merge(merged, result);
        }

        return merged;
    }

    /// <summary>Permanently removes every issue in <paramref name="ids"/>, one request per batch of at most 100 ids.</summary>
    public static async Task BulkRemoveProjectIssuesInBatchesAsync(this IIssuesClient issues,
        string organizationSlug, string projectSlug, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var batch in Batches(ids))
        {
            await issues.BulkRemoveProjectIssuesAsync(organizationSlug, projectSlug, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<string[]> Batches(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            // Without ids a status update would apply to every issue of the project: never by accident.
            throw new ArgumentException("At least one issue id is required.", nameof(ids));
        }

        return distinct.Chunk(MaxIdsPerRequest).ToList();
    }

    private static void Merge(IssueMutationResult into, IssueMutationResult? from)
    {
        if (from is null)
        {
            return;
        }

        foreach (var property in typeof(IssueMutationResult).GetProperties().Where(p => p.CanWrite && p.Name != nameof(IssueMutationResult.AdditionalProperties)))
        {
            if (property.GetValue(from) is { } value)
            {
                property.SetValue(into, value);
            }
        }

        foreach (var (key, value) in from.AdditionalProperties)
        {
            into.AdditionalProperties[key] = value;
        }
    }
}
