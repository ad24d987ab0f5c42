namespace Sentry.OpenApi.Tests.Search;

public sealed class SentryQueryTests
{
    private static readonly SentryQuery Q = SentryQuery.Create();

    [Test]
    public void An_empty_query_is_empty_text() =>
        Assert.That(Q.ToString(), Is.Empty);

    [Test]
    public void Terms_are_separated_by_single_spaces_in_the_order_added()
    {
        var query = Q.Is(IssueState.Unresolved).Level(IssueLevel.Error).AssignedToMe().FirstSeen(Within.Hours(24))
            .TimesSeen(CountComparison.GreaterThan, 100).Tag("browser", "Chrome").Text("TypeError");

        Assert.That(query.ToString(), Is.EqualTo("is:unresolved level:error assigned:me firstSeen:-24h timesSeen:>100 browser:Chrome TypeError"));
    }

    [Test]
    public void Adding_a_term_leaves_the_original_query_unchanged()
    {
        var unresolved = Q.Is(IssueState.Unresolved);
        var mine = unresolved.AssignedToMe();
        var notMine = unresolved.Not().AssignedToMe();

        Assert.That((Q.ToString(), unresolved.ToString(), mine.ToString(), notMine.ToString()),
            Is.EqualTo(("", "is:unresolved", "is:unresolved assigned:me", "is:unresolved !assigned:me")));
    }

    [Test]
    public void A_query_converts_to_the_query_string_the_client_takes()
    {
        string? query = Q.Is(IssueState.Resolved).Level(IssueLevel.Fatal);
        SentryQuery? none = null;
        string? noQuery = none;

        Assert.That((query, noQuery), Is.EqualTo(("is:resolved level:fatal", (string?)null)));
    }

    [Test]
    public void Not_negates_only_the_next_filter() =>
        Assert.That(Q.Not().Is(IssueState.Resolved).Level(IssueLevel.Error).ToString(), Is.EqualTo("!is:resolved level:error"));

    public static IEnumerable<TestCaseData> Negations()
    {
        yield return Case(() => Q.Not().Is(IssueState.Ignored), "!is:ignored");
        yield return Case(() => Q.Not().AssignedTo("jane.doe"), "!assigned:jane.doe");
        yield return Case(() => Q.Not().AssignedToTeam("backend"), "!assigned:#backend");
        yield return Case(() => Q.Not().AssignedToAny(Assignee.Me, Assignee.Team("backend-team")), "!assigned:[me, #backend-team]");
        yield return Case(() => Q.Not().Level(IssueLevel.Info), "!level:info");
        yield return Case(() => Q.Not().Level(IssueLevel.Info, IssueLevel.Warning), "!level:[info, warning]");
        yield return Case(() => Q.Not().TimesSeen(CountComparison.GreaterThan, 100), "!timesSeen:>100");
        yield return Case(() => Q.Not().Tag("browser", "Chrome"), "!browser:Chrome");
        yield return Case(() => Q.Not().Tag("os", "Windows", "Linux"), "!os:[Windows, Linux]");
        yield return Case(() => Q.Not().Tag("browser", "Chrome Mobile"), "!browser:\"Chrome Mobile\"");
    }

    [TestCaseSource(nameof(Negations))]
    public void A_negated_filter_is_prefixed_with_an_exclamation_mark(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> Comparisons()
    {
        yield return Case(() => Q.TimesSeen(CountComparison.Equal, 5), "timesSeen:5");
        yield return Case(() => Q.TimesSeen(CountComparison.GreaterThan, 100), "timesSeen:>100");
        yield return Case(() => Q.TimesSeen(CountComparison.GreaterThanOrEqual, 10), "timesSeen:>=10");
        yield return Case(() => Q.TimesSeen(CountComparison.LessThan, 3), "timesSeen:<3");
        yield return Case(() => Q.TimesSeen(CountComparison.LessThanOrEqual, 0), "timesSeen:<=0");
    }

    [TestCaseSource(nameof(Comparisons))]
    public void Times_seen_writes_its_comparison_before_the_count(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> Times()
    {
        yield return Case(() => Q.FirstSeen(Within.Minutes(30)), "firstSeen:-30m");
        yield return Case(() => Q.LastSeen(Within.Hours(1)), "lastSeen:-1h");
        yield return Case(() => Q.LastSeen(Within.Weeks(2)), "lastSeen:-2w");
        yield return Case(() => Q.LastSeenAfter(new DateOnly(2024, 12, 31)), "lastSeen:+2024-12-31");
        yield return Case(() => Q.FirstSeenAfter(new DateTimeOffset(2025, 1, 1, 1, 30, 0, TimeSpan.FromHours(2))), "firstSeen:+2024-12-31");
        yield return Case(() => Q.FirstSeen(Within.From(TimeSpan.FromDays(1))), "firstSeen:-24h");
        yield return Case(() => Q.FirstSeen(Within.From(TimeSpan.FromDays(3))), "firstSeen:-3d");
        yield return Case(() => Q.FirstSeen(Within.From(TimeSpan.FromMinutes(90))), "firstSeen:-90m");
    }

    [TestCaseSource(nameof(Times))]
    public void Time_filters_write_relative_windows_and_dates(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> Lists()
    {
        yield return Case(() => Q.AssignedToAny(Assignee.Me, Assignee.Team("backend-team"), Assignee.User("jane.doe")), "assigned:[me, #backend-team, jane.doe]");
        yield return Case(() => Q.AssignedToAny(Assignee.Team("backend-team")), "assigned:#backend-team");
        yield return Case(() => Q.Level(IssueLevel.Error, IssueLevel.Fatal), "level:[error, fatal]");
        yield return Case(() => Q.Tag("browser", "Chrome", "Firefox"), "browser:[Chrome, Firefox]");
        yield return Case(() => Q.Tag("browser", "Chrome", "Chrome Mobile", "a,b"), "browser:[Chrome, \"Chrome Mobile\", \"a,b\"]");
    }

    [TestCaseSource(nameof(Lists))]
    public void Several_values_are_written_as_a_bracket_list_and_one_value_plainly(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> Quoting()
    {
        yield return Case(() => Q.Tag("browser", "Chrome Mobile"), "browser:\"Chrome Mobile\"");
        yield return Case(() => Q.Text("Cannot read \"x\""), "\"Cannot read \\\"x\\\"\"");
        yield return Case(() => Q.Tag("path", @"C:\temp"), "path:\"C:\\\\temp\"");
        yield return Case(() => Q.Tag("list", "a,b"), "list:\"a,b\"");
        yield return Case(() => Q.Tag("list", "[a]"), "list:\"[a]\"");
        yield return Case(() => Q.Tag("fn", "main()"), "fn:\"main()\"");
        yield return Case(() => Q.Tag("url", "https://example.com/a"), "url:\"https://example.com/a\"");
        yield return Case(() => Q.Tag("tab", "a\tb"), "tab:\"a\tb\"");
        yield return Case(() => Q.Text("key:value"), "\"key:value\"");
        yield return Case(() => Q.Text("OR"), "\"OR\"");
        yield return Case(() => Q.Wildcard("Cannot read*"), "\"Cannot read*\"");
        yield return Case(() => Q.AssignedTo("Jane Doe"), "assigned:\"Jane Doe\"");
    }

    [TestCaseSource(nameof(Quoting))]
    public void Values_that_would_break_the_syntax_are_quoted_and_escaped(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    public static IEnumerable<TestCaseData> Unquoted()
    {
        yield return Case(() => Q.AssignedTo("jane@example.com"), "assigned:jane@example.com");
        yield return Case(() => Q.Tag("release", "app@1.2.3+45"), "release:app@1.2.3+45");
        yield return Case(() => Q.Tag("user.email", "jane@example.com"), "user.email:jane@example.com");
        yield return Case(() => Q.Tag("browser", "Chrome*"), "browser:Chrome*");
        yield return Case(() => Q.Text("ORDER"), "ORDER");
    }

    [TestCaseSource(nameof(Unquoted))]
    public void Values_that_keep_the_syntax_intact_are_written_as_they_are(Func<SentryQuery> build, string expected) =>
        Assert.That(build().ToString(), Is.EqualTo(expected));

    [Test]
    public void A_realistic_triage_query_combines_every_kind_of_term()
    {
        var query = Q.Is(IssueState.Unresolved)
            .Not().AssignedToAny(Assignee.Me, Assignee.Team("backend-team"))
            .Level(IssueLevel.Error, IssueLevel.Fatal)
            .LastSeen(Within.Days(7))
            .TimesSeen(CountComparison.GreaterThanOrEqual, 10)
            .Tag("browser", "Chrome Mobile")
            .Not().Tag("server_name", "web-01")
            .Wildcard("Type*");

        Assert.That(query.ToString(), Is.EqualTo(
            "is:unresolved !assigned:[me, #backend-team] level:[error, fatal] lastSeen:-7d timesSeen:>=10 browser:\"Chrome Mobile\" !server_name:web-01 Type*"));
    }

    private static TestCaseData Case(Func<SentryQuery> build, string expected) =>
        new TestCaseData(build, expected).SetName($"{{m}} '{expected.Replace("\t", "\\t", StringComparison.Ordinal)}'");
}
