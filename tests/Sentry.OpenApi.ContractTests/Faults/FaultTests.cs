using Sentry.OpenApi.ContractTests.WireMock;

namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>
/// Network and server faults injected by WireMock on a GET, a paginated GET, a PUT and a POST. Each
/// ends in the documented retry or exception within its budget: never a hang, a NullReferenceException
/// or a raw JSON reader exception.
/// </summary>
[TestFixture]
[Category("Faults")]
public sealed class FaultTests : WireMockTest
{
    private const string Org = "the-interstellar-jurisdiction";
    private const string OrganizationPath = "/api/0/organizations/the-interstellar-jurisdiction/";
    private const string IssuesPath = "/api/0/organizations/the-interstellar-jurisdiction/issues/";
    private const string IssuePath = "/api/0/organizations/the-interstellar-jurisdiction/issues/1/";
    private const string TeamsPath = "/api/0/organizations/the-interstellar-jurisdiction/teams/";
    private const string OrganizationJson = """{"id":"7","slug":"the-interstellar-jurisdiction","name":"The Interstellar Jurisdiction"}""";
    private const string IssueJson = """{"id":"1","title":"TypeError","status":"resolved"}""";
    private const string TeamJson = """{"id":"5","slug":"ancient-gabelers","name":"Ancient Gabelers"}""";
    private static readonly SentryRetryOptions FastRetries = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(20) };

    /// <summary>The four kinds of call faults are injected into.</summary>
    public enum Target
    {
        Get,
        PaginatedGet,
        Put,
        Post,
    }

    private static (string Method, string Path, string OkBody) Endpoint(Target target) => target switch
    {
        Target.Get => ("GET", OrganizationPath, OrganizationJson),
        Target.PaginatedGet => ("GET", IssuesPath, """[{"id":"1","title":"a"},{"id":"2","title":"b"}]"""),
        Target.Put => ("PUT", IssuePath, IssueJson),
        _ => ("POST", TeamsPath, TeamJson),
    };

    /// <summary>Calls the target; for the paginated GET, walks all pages and returns how many items arrived.</summary>
    private static async Task<int> CallAsync(SentryApiClient client, Target target, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case Target.Get:
                await client.Organizations.RetrieveOrganizationAsync(Org, cancellationToken);
                return 1;
            case Target.PaginatedGet:
                var count = 0;
                await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync(Org, cancellationToken: cancellationToken))
                {
                    count++;
                }

                return count;
            case Target.Put:
                await client.Issues.UpdateIssueAsync(Org, "1", new IssueUpdate { Status = IssueUpdateStatus.Resolved }, cancellationToken);
                return 1;
            default:
                await client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" }, cancellationToken);
                return 1;
        }
    }

    /// <summary>Stubs the target: the paginated GET serves a good first page whose next page is faulty.</summary>
    private static async Task StubFaultyAsync(Target target, Func<WireMockStub, WireMockStub> fault)
    {
        var (method, path, _) = Endpoint(target);
        if (target == Target.PaginatedGet)
        {
            var self = WireMockSetUp.Server.BaseUrl.AbsoluteUri.TrimEnd('/') + path;
            await WireMockStub.For(method, path).WithoutQuery("cursor").Json("""[{"id":"1","title":"a"},{"id":"2","title":"b"}]""")
                .Header("Link", $"<{self}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <{self}?cursor=0:2:0>; rel=\"next\"; results=\"true\"; cursor=\"0:2:0\"")
                .AddToAsync(Admin);
            await fault(WireMockStub.For(method, path).WithQuery("cursor", "0:2:0")).AddToAsync(Admin);
            return;
        }

        await fault(WireMockStub.For(method, path)).AddToAsync(Admin);
    }

    private static int ExpectedAttempts(Target target) => target == Target.Post ? 1 : 1 + FastRetries.MaxRetries;

    /// <summary>Asserts the failure is <typeparamref name="T"/> (wrapped by the paging walk after its 2 items).</summary>
    private static T AssertFails<T>(Target target, Exception? error)
        where T : Exception
    {
        if (target == Target.PaginatedGet)
        {
            Assert.That(error, Is.TypeOf<SentryPaginationException>(), "a failed walk is a SentryPaginationException");
            var walk = (SentryPaginationException)error!;
            Assert.That((walk.ItemsDelivered, walk.PagesFetched, walk.Cursor), Is.EqualTo((2, 1, "0:2:0")), "how far the walk got");
            error = walk.InnerException;
        }

        Assert.That(error, Is.InstanceOf<T>(), $"{target}: {error}");
        return (T)error!;
    }

    private static async Task<int> AttemptsOnFaultyEndpoint(Target target)
    {
        var (method, path, _) = Endpoint(target);
        var requests = await Admin.RequestsAsync();
        return requests.Count(r => r.Method == method && r.Path == path && (target != Target.PaginatedGet || r.Query.ContainsKey("cursor")));
    }

    public static IEnumerable<TestCaseData> NetworkFaults() =>
        from fault in new[] { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" }
        from target in Enum.GetValues<Target>()
        select new TestCaseData(fault, target).SetName($"{fault} on a {target} ends in SentryTransportException after the documented retries");

    [TestCaseSource(nameof(NetworkFaults))]
    [CancelAfter(30_000)]
    public async Task Network_fault_is_retried_when_idempotent_then_surfaces(string fault, Target target, CancellationToken cancellationToken)
    {
        await StubFaultyAsync(target, s => s.Fault(fault));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        AssertFails<SentryTransportException>(target, error);
        // .NET's HTTP stack itself re-sends a GET once per fresh connection when a reused one closes
        // without answering (EMPTY_RESPONSE), so idempotent calls may show more requests than our retries.
        var attempts = await AttemptsOnFaultyEndpoint(target);
        Assert.That(attempts, target == Target.Post ? Is.EqualTo(1) : Is.GreaterThanOrEqualTo(ExpectedAttempts(target)), "attempts");
    }

    public static IEnumerable<TestCaseData> Targets() =>
        Enum.GetValues<Target>().Select(t => new TestCaseData(t).SetName($"{{m}} on a {t}"));

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task A_delay_past_the_timeout_ends_in_TimeoutException(Target target, CancellationToken cancellationToken)
    {
        await StubFaultyAsync(target, s => s.Json(Endpoint(target).OkBody).Delay(TimeSpan.FromSeconds(3)));
        using var client = CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Retry = FastRetries with { MaxRetries = 1 };
        });

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        AssertFails<TimeoutException>(target, error);
    }

    public static IEnumerable<TestCaseData> MalformedBodies()
    {
        foreach (var target in Enum.GetValues<Target>())
        {
            yield return new TestCaseData(target, "truncated JSON", "{\"id\":\"7\",\"slug\":\"the-inter", "application/json").SetName($"A truncated JSON body on a {target} is a SentryResponseFormatException");
            yield return new TestCaseData(target, "HTML", "<!DOCTYPE html><html><body>Maintenance</body></html>", "text/html").SetName($"An HTML 200 on a {target} is a SentryResponseFormatException");
            yield return new TestCaseData(target, "wrong shape", target == Target.PaginatedGet ? """{"detail":"not a list"}""" : "[1,2,3]", "application/json")
                .SetName($"JSON of the wrong shape on a {target} is a SentryResponseFormatException");
        }
    }

    [TestCaseSource(nameof(MalformedBodies))]
    [CancelAfter(30_000)]
    public async Task A_2xx_body_that_is_not_the_documented_json_is_a_format_error(Target target, string kind, string body, string contentType, CancellationToken cancellationToken)
    {
        await StubFaultyAsync(target, s => s.Body(body, contentType));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var format = AssertFails<SentryResponseFormatException>(target, error);
        Assert.That(format.Operation, Is.Not.Null.And.Not.Contains(" "), $"{kind}: the operation is named");
        Assert.That(format.ResponseBody, Does.StartWith(body[..Math.Min(10, body.Length)]), $"{kind}: body excerpt");
    }

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task Rate_limited_without_retry_after_then_ok_succeeds_for_idempotent_calls(Target target, CancellationToken cancellationToken)
    {
        var (method, path, ok) = Endpoint(target);
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        await StubFaultyAsync(target, s => s.InScenario($"limited-{target}", "Started", "open").Status(429)
            .Json("\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"")
            .Header("X-Sentry-Rate-Limit-Remaining", "0").Header("X-Sentry-Rate-Limit-Reset", $"{reset}"));
        var open = WireMockStub.For(method, path).InScenario($"limited-{target}", "open").Json(ok);
        await (target == Target.PaginatedGet ? open.WithQuery("cursor", "0:2:0").Json("[]") : open).AddToAsync(Admin);
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        if (target == Target.Post)
        {
            var limited = AssertFails<SentryRateLimitedException>(target, error);
            Assert.That(limited.RetryAfter, Is.Not.Null, "the wait until the reset is offered to the caller");
        }
        else
        {
            Assert.That(error, Is.Null, $"{target}: retried after the reset");
        }
    }

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task Rate_limited_with_retry_after_on_every_attempt_ends_in_SentryRateLimitedException(Target target, CancellationToken cancellationToken)
    {
        await StubFaultyAsync(target, s => s.Status(429).Json("""{"detail":"Rate limit exceeded"}""").Header("Retry-After", "0"));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var limited = AssertFails<SentryRateLimitedException>(target, error);
        Assert.That((limited.Detail, limited.RetryAfter), Is.EqualTo(("Rate limit exceeded", (TimeSpan?)TimeSpan.Zero)));
        Assert.That(await AttemptsOnFaultyEndpoint(target), Is.EqualTo(ExpectedAttempts(target)));
    }

    public static IEnumerable<TestCaseData> ServerErrorSequences() =>
        from statuses in new[] { new[] { 502, 503, 504 }, new[] { 503, 503 }, new[] { 500 } }
        from target in Enum.GetValues<Target>()
        select new TestCaseData(statuses, target).SetName($"{string.Join("-", statuses)} then 200 on a {target}");

    [TestCaseSource(nameof(ServerErrorSequences))]
    [CancelAfter(30_000)]
    public async Task Server_error_sequences_are_retried_only_when_transient_and_idempotent(int[] statuses, Target target, CancellationToken cancellationToken)
    {
        var (method, path, ok) = Endpoint(target);
        for (var i = 0; i < statuses.Length; i++)
        {
            var status = statuses[i];
            await StubFaultyAsync(target, s => s.InScenario($"errors-{target}", i == 0 ? "Started" : $"{i}", $"{i + 1}").Status(status).Json("""{"detail":"upstream failed"}"""));
        }

        var recovered = WireMockStub.For(method, path).InScenario($"errors-{target}", $"{statuses.Length}").Json(ok);
        await (target == Target.PaginatedGet ? recovered.WithQuery("cursor", "0:2:0").Json("[]") : recovered).AddToAsync(Admin);
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var retried = target != Target.Post && !statuses.Contains(500);
        if (retried)
        {
            Assert.That(error, Is.Null, "recovered after retrying");
        }
        else
        {
            var server = AssertFails<SentryServerException>(target, error);
            Assert.That(server.StatusCode, Is.EqualTo(statuses[0]));
            Assert.That(await AttemptsOnFaultyEndpoint(target), Is.EqualTo(1), "not retried");
        }
    }

    [TestCase(401, typeof(SentryUnauthorizedException), "Authentication credentials were not provided.")]
    [TestCase(403, typeof(SentryForbiddenException), "You do not have permission to perform this action.")]
    [CancelAfter(30_000)]
    public async Task Auth_errors_carry_sentrys_detail_and_are_not_retried(int status, Type expected, string detail, CancellationToken cancellationToken)
    {
        foreach (var target in Enum.GetValues<Target>())
        {
            await Admin.ResetAsync();
            await StubFaultyAsync(target, s => s.Status(status).Json($$"""{"detail":"{{detail}}"}"""));
            using var client = CreateClient(o => o.Retry = FastRetries);

            var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

            var failure = AssertFails<SentryApiException>(target, error);
            Assert.That(failure, Is.TypeOf(expected), $"{target}");
            Assert.That(failure.Detail, Is.EqualTo(detail), $"{target}");
            Assert.That(await AttemptsOnFaultyEndpoint(target), Is.EqualTo(1), $"{target}: not retried");
        }
    }

    private static async Task<Exception?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.That(e, Is.Not.InstanceOf<NullReferenceException>().And.Not.InstanceOf<Newtonsoft.Json.JsonException>(), "never a raw NRE or JSON exception");
            return e;
        }
    }
}
