namespace Sentry.OpenApi.Compat;

/// <summary>A wait on a <see cref="TimeProvider"/>: built into .NET 8, an extension of Microsoft.Bcl.TimeProvider on netstandard2.0.</summary>
internal static class Delays
{
    public static Task DelayAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, time, cancellationToken);
#else
        time.Delay(delay, cancellationToken);
#endif
}
