namespace Sentry.OpenApi;

/// <summary>How <see cref="SentryQuery.TimesSeen"/> compares an issue's event count (<c>timesSeen:&gt;100</c>).</summary>
public enum CountComparison
{
    /// <summary>Exactly the count: <c>timesSeen:100</c>.</summary>
    Equal,

    /// <summary>More than the count: <c>timesSeen:&gt;100</c>.</summary>
    GreaterThan,

    /// <summary>The count or more: <c>timesSeen:&gt;=100</c>.</summary>
    GreaterThanOrEqual,

    /// <summary>Fewer than the count: <c>timesSeen:&lt;100</c>.</summary>
    LessThan,

    /// <summary>The count or fewer: <c>timesSeen:&lt;=100</c>.</summary>
    LessThanOrEqual,
}
