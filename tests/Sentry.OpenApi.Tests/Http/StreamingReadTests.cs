using System.Net;
using System.Text;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Http;

/// <summary>Bodies are streamed into the result type, never buffered whole, and bounded in size.</summary>
public sealed class StreamingReadTests
{
    private static StubTransport Answer(HttpContent content) => new(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content });

    [Test]
    public void A_2xx_body_is_deserialized_as_it_streams_not_buffered_first()
    {
        // A valid issue, then a megabyte of trailing garbage: a client that buffered the body would read all of
        // it before the reader saw the garbage; a streaming one stops a few kilobytes in.
        var body = """{"id":"1","title":"t"}""" + new string('x', 1024 * 1024);
        var content = new CountingContent(body);
        using var client = TestClients.Create(Answer(content));

        var error = Assert.ThrowsAsync<SentryResponseFormatException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Operation, Is.EqualTo("RetrieveIssue"));
        Assert.That(content.BytesRead, Is.LessThan(64 * 1024), "the body was read ahead of the deserializer");
    }

    [Test]
    public async Task A_large_list_is_read_without_a_second_copy_of_the_body()
    {
        var items = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"id":"{{i}}","title":"Issue {{i}}"}"""));
        var content = new CountingContent("[" + items + "]");
        using var client = TestClients.Create(Answer(content));

        var page = await client.Issues.ListOrganizationIssuesAsync("acme");

        Assert.That(page.Items, Has.Count.EqualTo(5000));
        Assert.That(content.BytesRead, Is.EqualTo(content.Length));
    }

    [Test]
    public void A_body_declared_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var content = new CountingContent("[" + new string(' ', 4096) + "]");
        using var client = TestClients.Create(Answer(content), o => o.MaxResponseBytes = 1024);

        var error = Assert.ThrowsAsync<SentryResponseTooLargeException>(() => client.Issues.ListOrganizationIssuesAsync("acme"));

        Assert.That(error!.Limit, Is.EqualTo(1024));
        Assert.That(error.Operation, Is.EqualTo("ListOrganizationIssues"));
        Assert.That(error.Message, Does.Contain("ListOrganizationIssues").And.Contain("1024"));
        Assert.That(content.BytesRead, Is.Zero);
    }

    [Test]
    public void A_body_without_a_length_stops_at_the_limit()
    {
        var content = new CountingContent("[" + new string(' ', 1024 * 1024) + "]", sendLength: false);
        using var client = TestClients.Create(Answer(content), o => o.MaxResponseBytes = 64 * 1024);

        Assert.ThrowsAsync<SentryResponseTooLargeException>(() => client.Issues.ListOrganizationIssuesAsync("acme"));

        Assert.That(content.BytesRead, Is.LessThan(64 * 1024 + 16 * 1024), "reading stopped near the limit");
    }

    [Test]
    public void A_client_refuses_a_non_positive_size_limit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(StubTransport.Json("{}"), o => o.MaxResponseBytes = 0));
}
