namespace Sentry.OpenApi;

/// <summary>How far a batched bulk call got when one of its batches failed.</summary>
/// <param name="AppliedIds">Ids of the batches that succeeded before the failure: Sentry changed these.</param>
/// <param name="FailedIds">Ids of the batch that failed (changed or not, as the exception's status says).</param>
/// <param name="NotAttemptedIds">Ids of the batches that were not sent.</param>
/// <param name="FailedBatch">The failed batch's number, from 1.</param>
/// <param name="BatchCount">How many batches the call had.</param>
public sealed record SentryBulkProgress(IReadOnlyList<string> AppliedIds, IReadOnlyList<string> FailedIds, IReadOnlyList<string> NotAttemptedIds, int FailedBatch, int BatchCount);
