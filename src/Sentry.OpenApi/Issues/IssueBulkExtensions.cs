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
    /// A merge (<c>Merge = true</c>) cannot span batches and is refused for more than 100 ids. When a batch
    /// fails, its exception carries <see cref="SentryApiException.Bulk"/>: the ids already changed by earlier
    /// batches, and those not done.
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
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                var result = await issues.BulkMutateProjectIssuesAsync(organizationSlug, projectSlug, update, new BulkMutateProjectIssuesOptions { Id = batches[i] }, cancellationToken).ConfigureAwait(false);
                Merge(merged, result);
            }
            catch (SentryApiException e) when (Attach(e, batches, i))
            {
                throw; // never reached: Attach returns false, so the exception goes on unchanged
            }
        }

        return merged;
    }

    /// <summary>
    /// Permanently removes every issue in <paramref name="ids"/>, one request per batch of at most 100 ids. When a
    /// batch fails, its exception carries <see cref="SentryApiException.Bulk"/> (the ids already removed).
    /// </summary>
    public static async Task BulkRemoveProjectIssuesInBatchesAsync(this IIssuesClient issues,
        string organizationSlug, string projectSlug, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var batches = Batches(ids);
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                await issues.BulkRemoveProjectIssuesAsync(organizationSlug, projectSlug, new BulkRemoveProjectIssuesOptions { Id = batches[i] }, cancellationToken).ConfigureAwait(false);
            }
            catch (SentryApiException e) when (Attach(e, batches, i))
            {
                throw; // never reached
            }
        }
    }

    // An exception filter: records which batches were applied as the exception passes.
    private static bool Attach(SentryApiException exception, List<string[]> batches, int failed)
    {
        exception.Bulk ??= new SentryBulkProgress(
            batches.Take(failed).SelectMany(b => b).ToList(),
            batches[failed],
            batches.Skip(failed + 1).SelectMany(b => b).ToList(),
            failed + 1,
            batches.Count);
        return false;
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
