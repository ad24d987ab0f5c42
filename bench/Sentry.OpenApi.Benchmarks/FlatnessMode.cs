using System.Diagnostics;
using System.Globalization;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// Memory while paging: walks 10, 100 and 1,000 pages of 100 issues with <c>ListOrganizationIssuesAllAsync</c> (in
/// memory) and prints the peak managed heap and the bytes allocated per item. The heap is sampled after a full
/// collection at every page boundary (what is live while the walk holds one page), and is reported above the heap
/// before the walk; the walk passes when the 1,000-page peak is within <see cref="MaxGrowth"/> of the 10-page peak.
/// </summary>
public static class FlatnessMode
{
    public const double MaxGrowth = 1.2;

    /// <summary>Runs the walks and prints the table; true on PASS.</summary>
    public static async Task<bool> RunAsync(TextWriter output)
    {
        await WalkAsync(10); // warm up: JIT, serializer contracts, pools
        output.WriteLine("Flatness mode: ListOrganizationIssuesAllAsync over pages of 100 issues (in memory), the heap sampled after a full GC at every page.");
        output.WriteLine();
        output.WriteLine("| Pages | Issues | Live heap at start | Peak live heap | Peak above start | Allocated per issue | Wall time |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var peaks = new Dictionary<int, long>();
        foreach (var pages in new[] { 10, 100, 1000 })
        {
            var walk = await WalkAsync(pages);
            peaks[pages] = walk.PeakAboveStart;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pages:N0} | {walk.Items:N0} | {(walk.PeakLive - walk.PeakAboveStart) / 1024.0:N0} KB | {walk.PeakLive / 1024.0:N0} KB | {walk.PeakAboveStart / 1024.0:N0} KB | {walk.AllocatedPerItem:N0} B | {walk.Elapsed.TotalMilliseconds:N0} ms |"));
        }

        // Above the start: what the walk itself holds (the process's own baseline is the same for every walk).
        var growth = (double)peaks[1000] / peaks[10];
        var pass = growth <= MaxGrowth;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1,000-page peak / 10-page peak = {growth:0.000} (limit {MaxGrowth:0.0}): {(pass ? "PASS" : "FAIL")}"));
        return pass;
    }

    private static async Task<Walk> WalkAsync(int pages)
    {
        using var client = Transports.Client(TransportKind.InMemory, pages: pages);
        var start = Live();
        var peak = start;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var items = 0;
        await foreach (var issue in client.Issues.ListOrganizationIssuesAllAsync("acme"))
        {
            GC.KeepAlive(issue);
            if (++items % CannedApi.PageSize == 1)
            {
                peak = Math.Max(peak, Live()); // the first item of each page: the page is held by the walk
            }
        }

        clock.Stop();
        var perItem = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)items;
        if (items != pages * CannedApi.PageSize)
        {
            throw new InvalidOperationException($"The walk over {pages} pages delivered {items} issues, not {pages * CannedApi.PageSize}.");
        }

        return new Walk(items, peak - start, peak, perItem, clock.Elapsed);
    }

    private static long Live() => GC.GetTotalMemory(forceFullCollection: true);

    private sealed record Walk(int Items, long PeakAboveStart, long PeakLive, double AllocatedPerItem, TimeSpan Elapsed);
}
