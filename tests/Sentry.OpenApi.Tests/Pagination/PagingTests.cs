using System.Net;
using Sentry.OpenApi.Tests.TestDoubles;
using static Sentry.OpenApi.Tests.TestDoubles.StubTransport;

namespace Sentry.OpenApi.Tests.Pagination;

public sealed class PagingTests
{
    private const string Org = "the-interstellar-jurisdiction";
    private const string IssuesUrl = "https://sentry.io/api/0/organizations/the-interstellar-jurisdiction/issues/";

    private static string Issues(params int[] ids) => "[" + string.Join(",", ids.Select(i => $$"""{"id":"{{i}}","title":"Issue {{i}}"}""")) + "]";

    private static HttpResponseMessage Page(string body, string? nextCursor, string origin = "https://sentry.io")
    {
        var next = nextCursor is null
            ? $"<{IssuesUrl}?cursor=0:0:0>; rel=\"next\"; results=\"false\"; cursor=\"0:0:0\""
            : $"<{origin}/api/0/organizations/{Org}/issues/?cursor={nextCursor}>; rel=\"next\"; results=\"true\"; cursor=\"{nextCursor}\"";
        return Status(HttpStatusCode.OK, body,
            ("Link", $"<{IssuesUrl}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", {next}"),
            ("X-Sentry-Rate-Limit-Remaining", "39"), ("X-Sentry-Rate-Limit-Limit", "40"));
    }

    [Test]
    public async Task A_page_carries_its_items_cursors_and_rate_limit()
    {
        using var client = TestClients.Create(Sequence(() => Page(Issues(1, 2), "0:100:0")));

        var page = await client.Issues.ListOrganizationIssuesAsync(Org, new ListOrganizationIssuesOptions { Query = "is:unresolved" });

        Assert.That(page.Items.Select(i => i.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That((page.HasNext, page.NextCursor, page.HasPrevious, page.PreviousCursor), Is.EqualTo((true, "0:100:0", false, (string?)null)));
        Assert.That(page.RateLimit!.Remaining, Is.EqualTo(39));
    }

    [Test]
    public async Task Walking_all_pages_follows_cursors_until_results_false()
    {
        var transport = Sequence(() => Page(Issues(1, 2), "0:100:0"), () => Page(Issues(3, 4), "0:200:0"), () => Page(Issues(5), null));
        using var client = TestClients.Create(transport);

        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org))
        {
            ids.Add(issue.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.Query),
            Is.EqualTo(new[] { "", "?cursor=0%3A100%3A0", "?cursor=0%3A200%3A0" }));
    }

    [Test]
    public async Task Pages_are_fetched_lazily_and_max_items_stops_early()
    {
        var transport = Sequence(() => Page(Issues(1, 2), "0:100:0"), () => Page(Issues(3, 4), "0:200:0"), () => Page(Issues(5), null));
        using var client = TestClients.Create(transport);

        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org, maxItems: 3))
        {
            ids.Add(issue.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(transport.Requests, Has.Count.EqualTo(2), "the third page was never requested");
    }

    [Test]
    public async Task A_walk_can_start_from_a_cursor()
    {
        var transport = Sequence(() => Page(Issues(3, 4), "0:200:0"), () => Page(Issues(5), null));
        using var client = TestClients.Create(transport);

        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org, new ListOrganizationIssuesOptions { Cursor = "0:100:0" }))
        {
            ids.Add(issue.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "3", "4", "5" }));
        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.Query), Is.EqualTo(new[] { "?cursor=0%3A100%3A0", "?cursor=0%3A200%3A0" }));
    }

    [Test]
    public async Task The_walk_follows_cursors_only_so_a_foreign_next_url_is_never_requested()
    {
        var transport = Sequence(() => Page(Issues(1), "0:100:0", origin: "https://evil.example.com"), () => Page(Issues(2), null));
        using var client = TestClients.Create(transport);

        var ids = new List<string>();
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync(Org))
        {
            ids.Add(issue.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "1", "2" }));
        Assert.That(transport.Requests.Select(r => r.Request.RequestUri!.Host), Is.All.EqualTo("sentry.io"));
    }

    [Test]
    public void A_failing_page_rethrows_its_typed_exception_with_what_was_delivered_and_where_to_resume()
    {
        var transport = Sequence(() => Page(Issues(1, 2), "0:100:0"), () => Status(HttpStatusCode.Forbidden, """{"detail":"no access"}"""));
        using var client = TestClients.Create(transport);
        var seen = 0;

        var error = Assert.ThrowsAsync<SentryForbiddenException>(async () =>
        {
            await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync(Org))
            {
                seen++;
            }
        });

        Assert.That(seen, Is.EqualTo(2));
        Assert.That(error!.Paging, Is.EqualTo(new SentryPagingProgress("ListOrganizationIssues", 2, 1, "0:100:0")));
        Assert.That(error.Operation, Is.EqualTo("ListOrganizationIssues"));
    }

    [Test]
    public void A_repeated_cursor_stops_the_walk_instead_of_looping()
    {
        var transport = Sequence(() => Page(Issues(1), "0:100:0"), () => Page(Issues(2), "0:100:0"));
        using var client = TestClients.Create(transport);

        var error = Assert.ThrowsAsync<SentryPaginationException>(async () =>
        {
            await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync(Org))
            {
            }
        });

        Assert.That(error!.Paging, Is.EqualTo(new SentryPagingProgress("ListOrganizationIssues", 2, 2, "0:100:0")));
        Assert.That(transport.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Cancellation_between_pages_stops_the_walk()
    {
        var transport = Sequence(() => Page(Issues(1, 2), "0:100:0"), () => Page(Issues(3), null));
        using var client = TestClients.Create(transport);
        using var cancel = new CancellationTokenSource();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync(Org, cancellationToken: cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_object_page_iterates_its_named_item_list()
    {
        var body = """{"data":[{"title":"a","count()":3},{"title":"b","count()":1}],"meta":{"fields":{"title":"string","count()":"integer"}}}""";
        using var client = TestClients.Create(Sequence(() => Page(body, null)));

        var rows = new List<DiscoverResultRow>();
        await foreach (var row in client.Discover.QueryDiscoverEventsAllAsync(["title", "count()"], Org))
        {
            rows.Add(row);
        }

        Assert.That(rows.Select(r => r["title"]), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task A_null_item_of_a_page_is_skipped()
    {
        using var client = TestClients.Create(Sequence(() => Page("""[{"id":"1","title":"a"},null,{"id":"2","title":"b"}]""", null)));

        var page = await client.Issues.ListOrganizationIssuesAsync(Org);

        Assert.That(page.Items.Select(i => i.Id), Is.EqualTo(new[] { "1", "2" }), "ListOrganizationIssues: the null item is not an issue");
    }

    [Test]
    public async Task A_link_header_sent_as_two_lines_is_read_as_one_list()
    {
        using var client = TestClients.Create(Sequence(() => Status(HttpStatusCode.OK, Issues(1),
            ("Link", $"<{IssuesUrl}?cursor=0:0:1>; rel=\"previous\"; results=\"true\"; cursor=\"0:0:1\""),
            ("Link", $"<{IssuesUrl}?cursor=0:100:0>; rel=\"next\"; results=\"true\"; cursor=\"0:100:0\""))));

        var page = await client.Issues.ListOrganizationIssuesAsync(Org);

        Assert.That((page.PreviousCursor, page.NextCursor), Is.EqualTo(("0:0:1", "0:100:0")), "ListOrganizationIssues: both Link lines");
    }

    [Test]
    public async Task A_page_of_a_list_operation_carries_status_headers_and_rate_limit()
    {
        using var client = TestClients.Create(Sequence(() => Page(Issues(1), null)));

        var page = await client.Issues.ListOrganizationIssuesAsync(Org);

        Assert.That(page.Items, Has.Count.EqualTo(1));
        Assert.That(page.RateLimit!.Limit, Is.EqualTo(40));
        Assert.That(page.Links.Next!.Results, Is.False);
        Assert.That(page.Source, Is.EqualTo(new Uri(IssuesUrl)));
    }
}
