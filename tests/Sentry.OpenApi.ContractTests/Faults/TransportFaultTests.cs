namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>
/// Real transport failures (from <see cref="SocketFaultListener"/>) on a GET, a paginated GET, a PUT
/// and a POST: a failure before the response head is retried when the call is idempotent and then
/// surfaces as the documented <see cref="SentryTransportException"/>; a POST is tried once. A body cut
/// off after a 200 head is not retried: the body is streamed after the retry pipeline accepted the head.
/// </summary>
[TestFixture]
[Category("Faults")]
public sealed class TransportFaultTests
{
    private static readonly Dictionary<TransportFault, string> WhatTheClientSees = new()
    {
        [TransportFault.ConnectionResetByPeer] = "A connection reset by the peer",
        [TransportFault.CloseWithoutResponse] = "A connection closed without a response",
        [TransportFault.RandomDataThenClose] = "Random bytes instead of HTTP, then a close,",
        [TransportFault.CloseMidBody] = "A connection closed in the middle of a 200 body",
    };

    public static IEnumerable<TestCaseData> Faults() =>
        from fault in Enum.GetValues<TransportFault>()
        where fault != TransportFault.StallMidBody // a stall is no failure to retry: see StalledBodyTests
        from target in FaultTargets.All
        select new TestCaseData(fault, target).SetName(fault == TransportFault.CloseMidBody
            ? $"{WhatTheClientSees[fault]} on a {target} ends in SentryTransportException on the first attempt (the body streams after the retries)"
            : $"{WhatTheClientSees[fault]} on a {target} ends in SentryTransportException after the documented retries");

    [TestCaseSource(nameof(Faults))]
    [CancelAfter(30_000)]
    public async Task Transport_fault_is_retried_when_idempotent_then_surfaces(TransportFault fault, FaultTarget target, CancellationToken cancellationToken)
    {
        var (method, path, _) = FaultTargets.Endpoint(target);
        Uri? origin = null;
        await using var listener = SocketFaultListener.Start(fault, request =>
            target == FaultTarget.PaginatedGet && !request.HasQuery("cursor")
                ? new CannedResponse(FaultTargets.FirstPage, new Dictionary<string, string>
                {
                    ["Content-Type"] = "application/json",
                    ["Link"] = FaultTargets.FirstPageLink(origin!, path),
                })
                : null,
            body: FaultTargets.Endpoint(target).OkBody);
        origin = listener.BaseUrl;
        using var client = new SentryApiClient(
            new SentryApiClientOptions { AuthToken = "sntrys_fault_test_token", BaseUrl = new Uri(listener.BaseUrl, "api/0/"), Timeout = TimeSpan.FromSeconds(10), Retry = FaultTargets.FastRetries },
            new SocketsHttpHandler());

        var error = await FaultTargets.CatchAsync(() => FaultTargets.CallAsync(client, target, cancellationToken));

        FaultTargets.AssertFails<SentryTransportException>(target, error);
        var attempts = listener.Requests.Count(r => r.Method == method && r.Path == path && (target != FaultTarget.PaginatedGet || r.HasQuery("cursor")));
        // The 200 head of a cut body ends the retry pipeline's part; the cut surfaces while the result is read.
        var expected = fault == TransportFault.CloseMidBody ? 1 : FaultTargets.ExpectedAttempts(target);
        // .NET's SocketsHttpHandler itself re-sends a request without a body whose connection closes before any
        // response byte (it cannot tell that from a stale pooled connection): each of our GET attempts may arrive several times.
        var resentByHandler = fault == TransportFault.CloseWithoutResponse && method == "GET";
        Assert.That(attempts, resentByHandler ? Is.InRange(expected, 4 * expected) : Is.EqualTo(expected), "attempts on the faulty endpoint");
    }
}
