namespace Sentry.OpenApi.Tests.Search;

/// <summary>Every example of the "Search Query Syntax" section of the issues reference, spelled exactly as there.</summary>
public sealed class SentryQueryReferenceTests
{
    private static readonly SentryQuery Q = SentryQuery.Create();

    public static IEnumerable<TestCaseData> ReferenceRows()
    {
        // Status Filters
        yield return Row("Status", () => Q.Is(IssueState.Unresolved), "is:unresolved");
        yield return Row("Status", () => Q.Is(IssueState.Resolved), "is:resolved");
        yield return Row("Status", () => Q.Is(IssueState.Ignored), "is:ignored");

        // Assignment Filters
        yield return Row("Assignment", () => Q.AssignedToMe(), "assigned:me");
        yield return Row("Assignment", () => Q.AssignedToTeam("team-slug"), "assigned:#team-slug");
        yield return Row("Assignment", () => Q.AssignedTo("jane.doe"), "assigned:jane.doe");
        yield return Row("Assignment", () => Q.Not().AssignedToMe(), "!assigned:me");

        // Time Filters
        yield return Row("Time", () => Q.FirstSeen(Within.Hours(24)), "firstSeen:-24h");
        yield return Row("Time", () => Q.LastSeen(Within.Days(7)), "lastSeen:-7d");
        yield return Row("Time", () => Q.FirstSeenAfter(new DateOnly(2025, 1, 1)), "firstSeen:+2025-01-01");

        // Severity
        yield return Row("Severity", () => Q.Level(IssueLevel.Error), "level:error");
        yield return Row("Severity", () => Q.Level(IssueLevel.Fatal), "level:fatal");
        yield return Row("Severity", () => Q.Level(IssueLevel.Warning), "level:warning");
        yield return Row("Severity", () => Q.Level(IssueLevel.Info), "level:info");

        // Event Count
        yield return Row("Event count", () => Q.TimesSeen(CountComparison.GreaterThan, 100), "timesSeen:>100");
        yield return Row("Event count", () => Q.TimesSeen(CountComparison.GreaterThanOrEqual, 10), "timesSeen:>=10");

        // Text Search
        yield return Row("Text", () => Q.Text("TypeError"), "TypeError");
        yield return Row("Text", () => Q.Wildcard("Type*"), "Type*");

        // Negation
        yield return Row("Negation", () => Q.Not().Is(IssueState.Resolved), "!is:resolved");
        yield return Row("Negation", () => Q.Not().AssignedToMe(), "!assigned:me");

        // Multiple Values
        yield return Row("Multiple values", () => Q.Is(IssueState.Unresolved).AssignedToAny(Assignee.Me, Assignee.Team("backend-team")),
            "is:unresolved assigned:[me, #backend-team]");

        // Tag Filters
        yield return Row("Tag", () => Q.Tag("browser", "Chrome"), "browser:Chrome");
        yield return Row("Tag", () => Q.Tag("os", "Windows"), "os:Windows");
        yield return Row("Tag", () => Q.Tag("release", "1.2.3"), "release:1.2.3");
        yield return Row("Tag", () => Q.Tag("server_name", "web-01"), "server_name:web-01");
    }

    [TestCaseSource(nameof(ReferenceRows))]
    public void The_builder_writes_the_reference_example_exactly(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    private static TestCaseData Row(string section, Func<SentryQuery> build, string expected) =>
        new TestCaseData(build, expected).SetName($"{section} reference example '{expected}'");
}
