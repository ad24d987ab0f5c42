namespace Sentry.OpenApi;

/// <summary>How far an <c>...AllAsync</c> walk got when one of its pages failed, and where to resume it.</summary>
/// <param name="Operation">The paginated operation, e.g. <c>ListOrganizationIssues</c>.</param>
/// <param name="ItemsDelivered">How many items the walk yielded before it stopped.</param>
/// <param name="PagesFetched">How many pages were read successfully.</param>
/// <param name="Cursor">The cursor of the page that failed: put it in the options' <c>Cursor</c> to resume (null: the first page).</param>
public sealed record SentryPagingProgress(string Operation, int ItemsDelivered, int PagesFetched, string? Cursor);
