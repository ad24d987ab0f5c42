using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sentry.OpenApi.Tests.TestDoubles;

/// <summary>A logger that keeps every entry; also a factory handing out itself, for the options.</summary>
internal sealed class RecordingLogger : ILogger, ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries => [.. _entries];

    /// <summary>Every entry as one string: message and exception, to search for what must not be there.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => $"{e.Level}: {e.Message} {e.Exception}"));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception), exception));

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
