using System.Reflection;
using System.Runtime.Serialization;

namespace Sentry.OpenApi.Tests.Search;

public sealed class SentryIssueSortTests
{
    [TestCase(nameof(SentryIssueSort.Date), SentryIssueSort.Date, "date")]
    [TestCase(nameof(SentryIssueSort.New), SentryIssueSort.New, "new")]
    [TestCase(nameof(SentryIssueSort.Freq), SentryIssueSort.Freq, "freq")]
    [TestCase(nameof(SentryIssueSort.User), SentryIssueSort.User, "user")]
    [TestCase(nameof(SentryIssueSort.Trends), SentryIssueSort.Trends, "trends")]
    [TestCase(nameof(SentryIssueSort.Inbox), SentryIssueSort.Inbox, "inbox")]
    public void Each_constant_is_the_documented_sort_value(string name, string constant, string expected) =>
        Assert.That(constant, Is.EqualTo(expected), name);

    [Test]
    public void Every_generated_IssueSort_member_has_a_constant_with_its_wire_value()
    {
        var wire = typeof(IssueSort).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => f.GetCustomAttribute<EnumMemberAttribute>()!.Value);
        var constants = typeof(SentryIssueSort).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (string?)f.GetRawConstantValue());

        Assert.That(constants, Is.EquivalentTo(wire));
    }
}
