using Sentry.OpenApi.ContractTests.WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Sentry.OpenApi.ContractTests.Faults.FaultTargets;
using static Sentry.OpenApi.ContractTests.WireMock.Stubs;

namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>
/// Server faults served by WireMock.Net on a GET, a paginated GET, a PUT and a POST: delays past the
/// timeout, 2xx bodies that are not the documented JSON (WireMock.Net's own faults arrive as such
/// 200s), rate limits, 5xx sequences and auth errors. Each ends in the documented retry or exception
/// within its budget: never a hang, a NullReferenceException or a raw JSON reader exception.
/// Transport failures are in <see cref="TransportFaultTests"/>.
/// </summary>
[TestFixture]
[Category("Faults")]
public sealed class FaultTests : WireMockTest
{
    /// <summary>The faulty request of the target: for the paginated GET, the second page (the first is served fine).</summary>
    private IRequestBuilder FaultyRequest(FaultTarget target)
    {
        var (method, path, _) = Endpoint(target);
        if (target != FaultTarget.PaginatedGet)
        {
            return On(method, path);
        }

        Server.Given(On(method, path).WithoutQuery("cursor")).RespondWith(JsonBody(FirstPage).WithHeader("Link", FirstPageLink(Server.BaseUrl(), path)));
        return On(method, path).WithQuery("cursor", NextCursor);
    }

    /// <summary>The target's success: for the paginated GET, an empty last page.</summary>
    private static IResponseBuilder Ok(FaultTarget target) => JsonBody(target == FaultTarget.PaginatedGet ? "[]" : Endpoint(target).OkBody);

    private int AttemptsOnFaultyEndpoint(FaultTarget target)
    {
        var (method, path, _) = Endpoint(target);
        return Requests.Count(r => r.Method == method && r.Path == path && (target != FaultTarget.PaginatedGet || r.HasQuery("cursor")));
    }

    public static IEnumerable<TestCaseData> Targets() => All.Select(t => new TestCaseData(t).SetName($"{{m}} on a {t}"));

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task A_delay_past_the_timeout_ends_in_TimeoutException(FaultTarget target, CancellationToken cancellationToken)
    {
        Server.Given(FaultyRequest(target)).RespondWith(JsonBody(Endpoint(target).OkBody).WithDelay(TimeSpan.FromSeconds(2)));
        using var client = CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Retry = FastRetries with { MaxRetries = 1 };
        });

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        AssertFails<TimeoutException>(target, error);
    }

    public static IEnumerable<TestCaseData> BrokenBodies()
    {
        foreach (var target in All)
        {
            yield return new TestCaseData(target, FaultType.EMPTY_RESPONSE).SetName($"A 200 with an empty body (WireMock.Net EMPTY_RESPONSE) on a {target} is a SentryResponseFormatException");
            yield return new TestCaseData(target, FaultType.MALFORMED_RESPONSE_CHUNK).SetName($"A 200 with garbage bytes (WireMock.Net MALFORMED_RESPONSE_CHUNK) on a {target} is a SentryResponseFormatException");
        }
    }

    [TestCaseSource(nameof(BrokenBodies))]
    [CancelAfter(30_000)]
    public async Task A_200_with_a_broken_body_is_a_format_error_and_not_retried(FaultTarget target, FaultType fault, CancellationToken cancellationToken)
    {
        Server.Given(FaultyRequest(target)).RespondWith(Response.Create().WithFault(fault));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var format = AssertFails<SentryResponseFormatException>(target, error);
        Assert.That(format.Operation, Is.Not.Null.And.Not.Contains(" "), "the operation is named");
        Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(1), "a 200 is an answer: not retried");
    }

    public static IEnumerable<TestCaseData> MalformedBodies()
    {
        foreach (var target in All)
        {
            yield return new TestCaseData(target, "truncated JSON", "{\"id\":\"7\",\"slug\":\"the-inter", "application/json").SetName($"A truncated JSON body on a {target} is a SentryResponseFormatException");
            yield return new TestCaseData(target, "HTML", "<!DOCTYPE html><html><body>Maintenance</body></html>", "text/html").SetName($"An HTML 200 on a {target} is a SentryResponseFormatException");
            yield return new TestCaseData(target, "wrong shape", target == FaultTarget.PaginatedGet ? """{"detail":"not a list"}""" : "[1,2,3]", "application/json")
                .SetName($"JSON of the wrong shape on a {target} is a SentryResponseFormatException");
        }
    }

    [TestCaseSource(nameof(MalformedBodies))]
    [CancelAfter(30_000)]
    public async Task A_2xx_body_that_is_not_the_documented_json_is_a_format_error(FaultTarget target, string kind, string body, string contentType, CancellationToken cancellationToken)
    {
        Server.Given(FaultyRequest(target)).RespondWith(Text(body, contentType));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var format = AssertFails<SentryResponseFormatException>(target, error);
        Assert.That(format.Operation, Is.Not.Null.And.Not.Contains(" "), $"{kind}: the operation is named");
        Assert.That(format.ResponseBody, Does.StartWith(body[..Math.Min(10, body.Length)]), $"{kind}: body excerpt");
    }

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task Rate_limited_without_retry_after_then_ok_succeeds_for_idempotent_calls(FaultTarget target, CancellationToken cancellationToken)
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        Server.Sequence($"limited-{target}", FaultyRequest(target),
            JsonBody("\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"", 429)
                .WithHeader("X-Sentry-Rate-Limit-Remaining", "0").WithHeader("X-Sentry-Rate-Limit-Reset", $"{reset}"),
            Ok(target));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        if (target == FaultTarget.Post)
        {
            var limited = AssertFails<SentryRateLimitedException>(target, error);
            Assert.That(limited.RetryAfter, Is.Not.Null, "the wait until the reset is offered to the caller");
        }
        else
        {
            Assert.That(error, Is.Null, $"{target}: retried after the reset");
            Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(2));
        }
    }

    [TestCaseSource(nameof(Targets))]
    [CancelAfter(30_000)]
    public async Task Rate_limited_with_retry_after_on_every_attempt_ends_in_SentryRateLimitedException(FaultTarget target, CancellationToken cancellationToken)
    {
        Server.Given(FaultyRequest(target)).RespondWith(JsonBody("""{"detail":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "0"));
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var limited = AssertFails<SentryRateLimitedException>(target, error);
        Assert.That((limited.Detail, limited.RetryAfter), Is.EqualTo(("Rate limit exceeded", (TimeSpan?)TimeSpan.Zero)));
        Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(ExpectedAttempts(target)));
    }

    public static IEnumerable<TestCaseData> ServerErrorSequences() =>
        from statuses in new[] { new[] { 502, 503, 504 }, new[] { 503, 503 }, new[] { 500 } }
        from target in All
        select new TestCaseData(statuses, target).SetName($"{string.Join("-", statuses)} then 200 on a {target}");

    [TestCaseSource(nameof(ServerErrorSequences))]
    [CancelAfter(30_000)]
    public async Task Server_error_sequences_are_retried_only_when_transient_and_idempotent(int[] statuses, FaultTarget target, CancellationToken cancellationToken)
    {
        Server.Sequence($"errors-{target}", FaultyRequest(target),
            statuses.Select(s => JsonBody("""{"detail":"upstream failed"}""", s)).Append(Ok(target)).ToArray());
        using var client = CreateClient(o => o.Retry = FastRetries);

        var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

        var retried = target != FaultTarget.Post && !statuses.Contains(500);
        if (retried)
        {
            Assert.That(error, Is.Null, "recovered after retrying");
            Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(statuses.Length + 1));
        }
        else
        {
            var server = AssertFails<SentryServerException>(target, error);
            Assert.That(server.StatusCode, Is.EqualTo(statuses[0]));
            Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(1), "not retried");
        }
    }

    [TestCase(401, typeof(SentryUnauthorizedException), "Authentication credentials were not provided.")]
    [TestCase(403, typeof(SentryForbiddenException), "You do not have permission to perform this action.")]
    [CancelAfter(30_000)]
    public async Task Auth_errors_carry_sentrys_detail_and_are_not_retried(int status, Type expected, string detail, CancellationToken cancellationToken)
    {
        foreach (var target in All)
        {
            ResetServer();
            Server.Given(FaultyRequest(target)).RespondWith(JsonBody($$"""{"detail":"{{detail}}"}""", status));
            using var client = CreateClient(o => o.Retry = FastRetries);

            var error = await CatchAsync(() => CallAsync(client, target, cancellationToken));

            var failure = AssertFails<SentryApiException>(target, error);
            Assert.That(failure, Is.TypeOf(expected), $"{target}");
            Assert.That(failure.Detail, Is.EqualTo(detail), $"{target}");
            Assert.That(AttemptsOnFaultyEndpoint(target), Is.EqualTo(1), $"{target}: not retried");
        }
    }
}
