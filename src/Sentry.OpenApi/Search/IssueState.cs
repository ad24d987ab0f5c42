namespace Sentry.OpenApi;

/// <summary>An issue status to search for with <see cref="SentryQuery.Is"/> (<c>is:unresolved</c>).</summary>
public enum IssueState
{
    /// <summary><c>is:unresolved</c>: open issues, what issue lists show when the query says nothing.</summary>
    Unresolved,

    /// <summary><c>is:resolved</c>: resolved issues.</summary>
    Resolved,

    /// <summary><c>is:ignored</c>: ignored (snoozed) issues.</summary>
    Ignored,
}
