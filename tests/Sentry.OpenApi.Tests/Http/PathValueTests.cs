using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Http;

/// <summary>A caller's path value is data: it can never change which endpoint is hit.</summary>
public sealed class PathValueTests
{
    private static readonly Func<IIssuesClient, string, Task>[] IssueCalls =
    [
        (issues, id) => issues.RetrieveIssueAsync("acme", id),
        (issues, id) => issues.DeleteIssueAsync("acme", id),
    ];

    [TestCase(".")]
    [TestCase("..")]
    [TestCase("")]
    public void A_dot_segment_or_empty_issue_id_is_refused_naming_the_parameter_and_nothing_is_sent(string id)
    {
        foreach (var call in IssueCalls)
        {
            var transport = StubTransport.Json("{}");
            using var client = TestClients.Create(transport);

            var error = Assert.ThrowsAsync<ArgumentException>(() => call(client.Issues, id));

            Assert.That(error!.ParamName, Is.EqualTo("issueId"), $"issue id '{id}': the exception names the C# parameter");
            Assert.That(transport.Requests, Is.Empty, $"issue id '{id}': nothing may be sent");
        }
    }

    [TestCase("..")]
    [TestCase(".")]
    public void Deleting_a_member_release_or_client_key_with_a_dot_segment_never_reaches_the_parent(string value)
    {
        var transport = StubTransport.Json("{}");
        using var client = TestClients.Create(transport);

        Assert.ThrowsAsync<ArgumentException>(() => client.Members.DeleteOrganizationMemberAsync("acme", value));
        Assert.ThrowsAsync<ArgumentException>(() => client.Releases.DeleteReleaseAsync("acme", value));
        Assert.ThrowsAsync<ArgumentException>(() => client.ClientKeys.DeleteProjectClientKeyAsync("acme", "backend", value));
        Assert.ThrowsAsync<ArgumentException>(() => client.Organizations.RetrieveOrganizationAsync(value));

        Assert.That(transport.Requests, Is.Empty);
    }

    // Each character that would end or split a segment reaches the server escaped, as data.
    [TestCase("a/b", "a%2Fb")]
    [TestCase("a?b", "a%3Fb")]
    [TestCase("a#b", "a%23b")]
    [TestCase("%2e%2e", "%252e%252e")]
    [TestCase("a..b", "a..b")]
    [TestCase("...", "...")]
    [TestCase("a b", "a%20b")]
    public async Task A_special_character_is_escaped_into_the_one_segment(string id, string onTheWire)
    {
        var transport = StubTransport.Json("""{"id":"1","title":"t"}""");
        using var client = TestClients.Create(transport);

        await client.Issues.RetrieveIssueAsync("acme", id);

        Assert.That(transport.Requests.Single().Request.RequestUri!.AbsolutePath, Is.EqualTo($"/api/0/organizations/acme/issues/{onTheWire}/"));
    }

    [Test]
    public void The_path_check_refuses_a_url_that_does_not_match_the_operations_template()
    {
        var operation = IssuesClient.RetrieveIssueOperation;

        Assert.That(operation.MatchesPath("/api/0/organizations/acme/issues/1/", "/"), Is.True);
        Assert.That(operation.MatchesPath("/api/0/organizations/acme/", "/"), Is.False, "the organization itself");
        Assert.That(operation.MatchesPath("/api/0/organizations/acme/issues/", "/"), Is.False, "the issue list");
        Assert.That(operation.MatchesPath("/api/0/organizations/acme/issues/1/events/", "/"), Is.False, "a deeper endpoint");
        Assert.That(operation.MatchesPath("/api/0/organizations//issues/1/", "/"), Is.False, "an empty segment");
        Assert.That(operation.MatchesPath("/sentry/api/0/organizations/acme/issues/1/", "/sentry/"), Is.True, "a self-hosted prefix");
        Assert.That(operation.MatchesPath("/api/0/organizations/acme/issues/1/", "/sentry/"), Is.False, "outside the prefix");
    }
}
