using Microsoft.Extensions.Logging;
using Sentry.Cli.Output;

namespace Sentry.Cli.Http;

/// <summary>
/// <c>--verbose</c>: the library's log (retries, rate-limit waits, region lookups) as lines on standard error.
/// The library never logs the token. A console logger would write to the process console, not to the
/// writer a test or host passes in, and asynchronously; this writes in order.
/// </summary>
internal sealed class TextWriterLoggerFactory(TextWriter log) : ILoggerFactory
{
    private readonly TextWriter _log = TextWriter.Synchronized(log);

    public ILogger CreateLogger(string categoryName) => new Logger(_log);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {TerminalText.Clean(formatter(state, exception))}");
            }
        }
    }
}
