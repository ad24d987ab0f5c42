using System.Diagnostics;

namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>
/// A body that stops arriving after a 200 head (from <see cref="SocketFaultListener"/>, over real sockets): the
/// caller's cancellation ends the call promptly as <see cref="OperationCanceledException"/>, even with no attempt
/// timeout, in a single call and inside an <c>...AllAsync</c> walk; with an attempt timeout it is a
/// <see cref="TimeoutException"/>. Before the body was streamed with an abort on cancellation, a stalled body held
/// the call until the server closed (here: the listener's 30-second lifetime), then failed as a raw HttpIOException.
/// </summary>
[TestFixture]
[Category("Faults")]
public sealed class StalledBodyTests
{
    // Far below the listener's 30 s: ending within it means the call did not wait for the server. A hang guard, not a measurement.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static SentryApiClient Client(SocketFaultListener listener, TimeSpan timeout) => new(
        new SentryApiClientOptions { AuthToken = "sntrys_stall_test_token", BaseUrl = new Uri(listener.BaseUrl, "api/0/"), Timeout = timeout, Retry = new SentryRetryOptions { MaxRetries = 0 } },
        new SocketsHttpHandler());

    [Test]
    [CancelAfter(20_000)]
    public async Task Cancelling_a_call_whose_body_stalls_ends_it_promptly_as_OperationCanceledException_even_without_a_timeout()
    {
        await using var listener = SocketFaultListener.Start(TransportFault.StallMidBody, body: FaultTargets.Endpoint(FaultTarget.Get).OkBody);
        using var client = Client(listener, Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var error = await FaultTargets.CatchAsync(() => client.Organizations.RetrieveOrganizationAsync("the-interstellar-jurisdiction", cancel.Token), catchCancellation: true);

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), $"the stalled body: {error}");
        Assert.That(clock.Elapsed, Is.LessThan(Prompt), "the call waited for the server instead of ending on cancellation");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Cancelling_a_walk_whose_next_page_stalls_ends_it_promptly_as_OperationCanceledException()
    {
        var (_, path, _) = FaultTargets.Endpoint(FaultTarget.PaginatedGet);
        Uri? origin = null;
        await using var listener = SocketFaultListener.Start(TransportFault.StallMidBody, request => !request.HasQuery("cursor")
            ? new CannedResponse(FaultTargets.FirstPage, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Link"] = FaultTargets.FirstPageLink(origin!, path) })
            : null, body: FaultTargets.FirstPage);
        origin = listener.BaseUrl;
        using var client = Client(listener, Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        var clock = Stopwatch.StartNew();
        var error = await FaultTargets.CatchAsync(async () =>
        {
            await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync("the-interstellar-jurisdiction", cancellationToken: cancel.Token))
            {
                if (++seen == 2)
                {
                    cancel.CancelAfter(300); // while the second page's body stalls
                }
            }
        }, catchCancellation: true);

        Assert.That(seen, Is.EqualTo(2), "the first page's items");
        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), $"the stalled second page: {error}");
        Assert.That(clock.Elapsed, Is.LessThan(Prompt), "the walk waited for the server instead of ending on cancellation");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_body_that_stalls_past_the_attempt_timeout_is_a_TimeoutException()
    {
        await using var listener = SocketFaultListener.Start(TransportFault.StallMidBody, body: FaultTargets.Endpoint(FaultTarget.Get).OkBody);
        using var client = Client(listener, TimeSpan.FromMilliseconds(500));

        var error = await FaultTargets.CatchAsync(() => client.Organizations.RetrieveOrganizationAsync("the-interstellar-jurisdiction"));

        Assert.That(error, Is.InstanceOf<TimeoutException>(), $"the stalled body: {error}");
    }
}
