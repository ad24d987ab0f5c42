namespace Sentry.OpenApi.Tests.Search;

/// <summary>Arguments that would make a wrong or unparsable query are refused, naming the argument.</summary>
public sealed class SentryQueryArgumentTests
{
    private static readonly SentryQuery Q = SentryQuery.Create();

    public static IEnumerable<TestCaseData> BadArguments()
    {
        yield return Case("empty tag value", () => Q.Tag("browser", ""), "values");
        yield return Case("blank tag value", () => Q.Tag("browser", "  "), "values");
        yield return Case("null tag value", () => Q.Tag("browser", (string)null!), "values");
        yield return Case("empty value in a tag list", () => Q.Tag("browser", "Chrome", ""), "values");
        yield return Case("no tag values", () => Q.Tag("browser"), "values");
        yield return Case("empty tag key", () => Q.Tag("", "Chrome"), "key");
        yield return Case("tag key with a colon", () => Q.Tag("a:b", "Chrome"), "key");
        yield return Case("tag key with a space", () => Q.Tag("my tag", "Chrome"), "key");
        yield return Case("negated tag key", () => Q.Tag("!browser", "Chrome"), "key");
        yield return Case("empty user", () => Q.AssignedTo(""), "user");
        yield return Case("user that is a team", () => Q.AssignedTo("#backend"), "user");
        yield return Case("empty team slug", () => Q.AssignedToTeam(""), "teamSlug");
        yield return Case("team slug with its #", () => Q.AssignedToTeam("#backend"), "teamSlug");
        yield return Case("team slug with a space", () => Q.AssignedToTeam("back end"), "teamSlug");
        yield return Case("no assignees", () => Q.AssignedToAny(), "assignees");
        yield return Case("null assignee", () => Q.AssignedToAny(Assignee.Me, null!), "assignees");
        yield return Case("no levels", () => Q.Level(), "levels");
        yield return Case("undefined level", () => Q.Level((IssueLevel)42), "levels");
        yield return Case("undefined state", () => Q.Is((IssueState)42), "state");
        yield return Case("undefined comparison", () => Q.TimesSeen((CountComparison)42, 1), "comparison");
        yield return Case("negative count", () => Q.TimesSeen(CountComparison.GreaterThan, -1), "count");
        yield return Case("empty text", () => Q.Text(""), "text");
        yield return Case("text with a wildcard", () => Q.Text("Type*"), "text");
        yield return Case("empty pattern", () => Q.Wildcard(" "), "pattern");
        yield return Case("pattern without a wildcard", () => Q.Wildcard("TypeError"), "pattern");
        yield return Case("null window", () => Q.FirstSeen(null!), "within");
        yield return Case("negated empty tag value", () => Q.Not().Tag("browser", ""), "values");
        yield return Case("negated team slug with its #", () => Q.Not().AssignedToTeam("#backend"), "teamSlug");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void A_bad_argument_throws_an_argument_exception_naming_it(TestDelegate build, string argument) =>
        Assert.That(build, Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(argument));

    public static IEnumerable<TestCaseData> BadWindows()
    {
        yield return Case("zero minutes", () => Within.Minutes(0), "minutes");
        yield return Case("negative hours", () => Within.Hours(-24), "hours");
        yield return Case("zero days", () => Within.Days(0), "days");
        yield return Case("negative weeks", () => Within.Weeks(-1), "weeks");
        yield return Case("zero period", () => Within.From(TimeSpan.Zero), "period");
        yield return Case("negative period", () => Within.From(TimeSpan.FromHours(-1)), "period");
        yield return Case("seconds period", () => Within.From(TimeSpan.FromSeconds(90)), "period");
        yield return Case("fractional minute period", () => Within.From(TimeSpan.FromMilliseconds(60_500)), "period");
    }

    [TestCaseSource(nameof(BadWindows))]
    public void A_relative_window_must_be_a_positive_whole_number_of_minutes_hours_days_or_weeks(TestDelegate build, string argument) =>
        Assert.That(build, Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(argument));

    private static TestCaseData Case(string what, Action build, string argument) =>
        new TestCaseData(new TestDelegate(build), argument).SetName($"{{m}}: {what}");
}
