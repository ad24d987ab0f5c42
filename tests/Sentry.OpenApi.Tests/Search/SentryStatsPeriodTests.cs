namespace Sentry.OpenApi.Tests.Search;

public sealed class SentryStatsPeriodTests
{
    [Test]
    public void The_constants_are_the_documented_periods() =>
        Assert.That((SentryStatsPeriod.Hours24, SentryStatsPeriod.Days14, SentryStatsPeriod.Days30, SentryStatsPeriod.Disabled),
            Is.EqualTo(("24h", "14d", "30d", "")));

    [TestCase(30, "30s")]
    [TestCase(90, "90s")]
    [TestCase(60, "1m")]
    [TestCase(90 * 60, "90m")]
    [TestCase(3600, "1h")]
    [TestCase(36 * 3600, "36h")]
    [TestCase(2 * 86400, "2d")]
    public void From_writes_the_largest_unit_that_keeps_the_period_whole(int seconds, string expected) =>
        Assert.That(SentryStatsPeriod.From(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void From_writes_the_well_known_periods_exactly_as_their_constants() =>
        Assert.That(
            (SentryStatsPeriod.From(TimeSpan.FromHours(24)), SentryStatsPeriod.From(TimeSpan.FromDays(14)), SentryStatsPeriod.From(TimeSpan.FromDays(30))),
            Is.EqualTo((SentryStatsPeriod.Hours24, SentryStatsPeriod.Days14, SentryStatsPeriod.Days30)));

    [Test]
    public void From_writes_whole_weeks_in_days() =>
        Assert.That(SentryStatsPeriod.From(TimeSpan.FromDays(21)), Is.EqualTo("21d"));

    [Test]
    public void Every_result_of_from_matches_the_statsPeriod_pattern_of_the_spec()
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"^(\d+[smhdw])?$");
        TimeSpan[] periods = [TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(59), TimeSpan.FromHours(25), TimeSpan.FromDays(365)];

        Assert.That(periods.Select(SentryStatsPeriod.From), Has.All.Matches(pattern));
    }

    [Test]
    public void A_zero_or_negative_period_is_refused() =>
        Assert.Multiple(() =>
        {
            Assert.That(() => SentryStatsPeriod.From(TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));
            Assert.That(() => SentryStatsPeriod.From(TimeSpan.FromHours(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));
        });

    [Test]
    public void A_fraction_of_a_second_is_refused() =>
        Assert.That(() => SentryStatsPeriod.From(TimeSpan.FromMilliseconds(1500)), Throws.ArgumentException.With.Property("ParamName").EqualTo("period"));
}
