namespace Sentry.OpenApi;

/// <summary>
/// The <c>sort</c> values of issue lists as text. The generated client takes the typed <see cref="IssueSort"/>
/// (<c>ListOrganizationIssuesAsync(…, sort: IssueSort.Freq)</c>), which NSwag writes as these same strings; use
/// these constants where a sort travels as text, e.g. a hand-built URL, a saved search or configuration.
/// </summary>
public static class SentryIssueSort
{
    /// <summary>Last seen, most recent first (<see cref="IssueSort.Date"/>).</summary>
    public const string Date = "date";

    /// <summary>First seen, newest first (<see cref="IssueSort.New"/>).</summary>
    public const string New = "new";

    /// <summary>Number of events (<see cref="IssueSort.Freq"/>).</summary>
    public const string Freq = "freq";

    /// <summary>Number of users affected (<see cref="IssueSort.User"/>).</summary>
    public const string User = "user";

    /// <summary>Trending issues (<see cref="IssueSort.Trends"/>).</summary>
    public const string Trends = "trends";

    /// <summary>Date added to the inbox (<see cref="IssueSort.Inbox"/>).</summary>
    public const string Inbox = "inbox";
}
