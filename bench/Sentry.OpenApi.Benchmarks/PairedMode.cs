using System.Diagnostics;
using System.Globalization;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The firm figures on a shared machine: client and raw baseline alternate call by call (in memory), the order
/// rotating every call and every round, so both see the same machine at the same moment. Each round takes the median
/// call time of each side (<see cref="Stopwatch"/>) and sums its allocations (<see cref="GC.GetAllocatedBytesForCurrentThread"/>;
/// the in-memory calls complete on the calling thread); the result is the median of the per-round ratios. The fastest-call
/// ratio (each round's fastest client call over its fastest raw call, median over rounds) is printed beside it: the
/// cost with no interruption in it, for a machine too busy for the median to settle.
/// </summary>
public static class PairedMode
{
    /// <summary>The targets of issue 13.</summary>
    public const double MaxTimeRatio = 1.10, MaxAllocRatio = 1.25;

    /// <summary>Runs the comparisons, prints the summary and where the overhead goes; true when every gated one meets the targets.</summary>
    public static bool Run(int rounds, TextWriter output)
    {
        using var client = Transports.Client(TransportKind.InMemory);
        using var raw = Transports.Raw(TransportKind.InMemory);
        Scenario[] scenarios =
        [
            new("retrieve issue (4.4 KB)", () => client.Issues.RetrieveIssueAsync("acme", "1"), () => raw.RetrieveIssueAsync()),
            new("retrieve event (5.3 KB)", () => client.Events.RetrieveProjectEventAsync("acme", "pump-station", "small"), () => raw.RetrieveEventAsync(large: false)),
            new("retrieve event (108 KB)", () => client.Events.RetrieveProjectEventAsync("acme", "pump-station", "large"), () => raw.RetrieveEventAsync(large: true)),
            new("one page of 100 issues", () => client.Issues.ListOrganizationIssuesAsync("acme"), () => raw.ListIssuesPageAsync()),
        ];

        var clients = HandlerVariants();
        Scenario[] variants = [.. clients.Select(v => new Scenario(v.Name, () => v.Client.Issues.RetrieveIssueAsync("acme", "1"), () => raw.RetrieveIssueAsync()))];
        WarmUp([.. scenarios, .. variants]);
        output.WriteLine($"Paired mode: in-memory transport, {rounds} rounds, client and raw alternating call by call in rotated order; median of per-round ratios.");
        output.WriteLine($"Bodies: {Payloads.Describe()}.");
        output.WriteLine();
        var allMet = Table(scenarios, rounds, gated: true, output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets: time ratio <= {MaxTimeRatio:0.00}, alloc ratio <= {MaxAllocRatio:0.00}: {(allMet ? "PASS" : "FAIL")}"));
        output.WriteLine();
        output.WriteLine("Where the overhead goes (retrieve issue; each client variant paired with raw; informational):");
        output.WriteLine();
        Table(variants, rounds, gated: false, output);
        foreach (var (_, variant) in clients)
        {
            variant.Dispose();
        }

        return allMet;
    }

    private static (string Name, SentryApiClient Client)[] HandlerVariants() =>
        [
            ("default client", Transports.Client(TransportKind.InMemory)),
            ("retries off", Transports.Client(TransportKind.InMemory, o => o.Retry = o.Retry with { MaxRetries = 0 })),
            ("timeout off", Transports.Client(TransportKind.InMemory, o => o.Timeout = Timeout.InfiniteTimeSpan)),
            ("pacing on", Transports.Client(TransportKind.InMemory, o => o.EnableRateLimitPacing = true)),
            ("retries and timeout off", Transports.Client(TransportKind.InMemory, o =>
            {
                o.Retry = o.Retry with { MaxRetries = 0 };
                o.Timeout = Timeout.InfiniteTimeSpan;
            })),
            ("generated code only (no handlers)", Transports.BareClient(TransportKind.InMemory)),
        ];

    // JIT, tiering (tier 1 comes after 30 calls and a quiet 100 ms, later on a loaded machine) and pools, for every
    // scenario before any is measured: what is measured is the steady state.
    private static void WarmUp(Scenario[] scenarios)
    {
        for (var pass = 0; pass < 6; pass++)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 1000)
            {
                foreach (var scenario in scenarios)
                {
                    Call(scenario.Client, out _);
                    Call(scenario.Raw, out _);
                }
            }

            Thread.Sleep(500); // a quiet moment: tier-1 code is installed in the background after one
        }
    }

    private static bool Table(Scenario[] scenarios, int rounds, bool gated, TextWriter output)
    {
        output.WriteLine($"| Scenario | Calls/round | Raw µs | Client µs | Time ratio | Fastest-call ratio | Raw KB | Client KB | Alloc ratio | Extra KB |{(gated ? " Result |" : "")}");
        output.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|{(gated ? "---|" : "")}");
        var allMet = true;
        foreach (var scenario in scenarios)
        {
            var result = Measure(scenario, rounds);
            var met = result.TimeRatio <= MaxTimeRatio && result.AllocRatio <= MaxAllocRatio && result.AsyncCalls == 0;
            allMet &= met;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {result.CallsPerRound} | {result.RawMicros:0.0} | {result.ClientMicros:0.0} | {result.TimeRatio:0.000} | {result.FastestRatio:0.000} | {result.RawKB:0.0} | {result.ClientKB:0.0} | {result.AllocRatio:0.000} | {result.ClientKB - result.RawKB:+0.0;-0.0} |{(gated ? (met ? " PASS |" : " FAIL |") : "")}"));
            if (result.AsyncCalls > 0)
            {
                output.WriteLine($"  ({result.AsyncCalls} calls completed asynchronously: their allocations on other threads are not counted)");
            }
        }

        return allMet;
    }

    private static Result Measure(Scenario scenario, int rounds)
    {
        // Size a round by the fastest pair seen (a loaded machine slows some calls, never speeds one up).
        var fastest = double.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            var (clientTicks, _) = Call(scenario.Client, out _);
            var (rawTicks, _) = Call(scenario.Raw, out _);
            fastest = Math.Min(fastest, (clientTicks + rawTicks) * 1000.0 / Stopwatch.Frequency);
        }

        // About 100 ms per side and round (at the fastest seen): a round spans enough of the machine's ups and downs.
        var calls = Math.Clamp((int)(100 / fastest), 9, 3000);
        var timeRatios = new double[rounds];
        var fastestRatios = new double[rounds];
        var allocRatios = new double[rounds];
        var clientMicros = new double[rounds];
        var rawMicros = new double[rounds];
        var clientBytes = new double[rounds];
        var rawBytes = new double[rounds];
        var clientCall = new double[calls];
        var rawCall = new double[calls];
        var asyncCalls = 0;
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long clientAlloc = 0, rawAlloc = 0;
            for (var i = 0; i < calls; i++)
            {
                var clientFirst = (round + i) % 2 == 0;
                for (var side = 0; side < 2; side++)
                {
                    var isClient = (side == 0) == clientFirst;
                    var (ticks, bytes) = Call(isClient ? scenario.Client : scenario.Raw, out var wasAsync);
                    asyncCalls += wasAsync ? 1 : 0;
                    if (isClient)
                    {
                        clientCall[i] = ticks;
                        clientAlloc += bytes;
                    }
                    else
                    {
                        rawCall[i] = ticks;
                        rawAlloc += bytes;
                    }
                }
            }

            // A round's time per side is the median of its calls: a call the scheduler interrupted does not
            // decide the round. Allocations are exact, so they are summed.
            var clientMedian = Median(clientCall);
            var rawMedian = Median(rawCall);
            timeRatios[round] = clientMedian / rawMedian;
            fastestRatios[round] = clientCall.Min() / rawCall.Min(); // the intrinsic cost, with no interruption in it
            allocRatios[round] = (double)clientAlloc / rawAlloc;
            clientMicros[round] = clientMedian * 1e6 / Stopwatch.Frequency;
            rawMicros[round] = rawMedian * 1e6 / Stopwatch.Frequency;
            clientBytes[round] = clientAlloc / 1024.0 / calls;
            rawBytes[round] = rawAlloc / 1024.0 / calls;
        }

        return new Result(calls, Median(rawMicros), Median(clientMicros), Median(timeRatios), Median(fastestRatios), Median(rawBytes), Median(clientBytes), Median(allocRatios), asyncCalls);
    }

    private static (long Ticks, long Bytes) Call(Func<Task> call, out bool wasAsync)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var task = call();
        wasAsync = !task.IsCompleted;
        task.GetAwaiter().GetResult();
        var ticks = Stopwatch.GetTimestamp() - start;
        return (ticks, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Scenario(string Name, Func<Task> Client, Func<Task> Raw);

    private sealed record Result(int CallsPerRound, double RawMicros, double ClientMicros, double TimeRatio, double FastestRatio, double RawKB, double ClientKB, double AllocRatio, int AsyncCalls);
}
