using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The job of every benchmark class: a fixed, modest number of iterations, so a full run stays within
/// minutes on two cores (the firm ratios come from the paired mode anyway; see bench/README.md).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(15).WithId("Sentry"));
    }
}
