using System.Text;
using System.Text.RegularExpressions;
using Sentry.OpenApi.Generator;

namespace Sentry.OpenApi.ContractTests.Sandbox;

/// <summary>
/// A long-running spec tool command (sandbox, record) run in-process until cancelled, with what it
/// printed; <see cref="UrlAsync"/> waits for the address it says it listens on.
/// </summary>
internal sealed partial class ToolSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly LineWriter _output = new();
    private readonly LineWriter _error = new();
    private readonly Task<int> _run;

    private ToolSession(string[] args) => _run = Task.Run(() => Cli.RunAsync(args, _output, _error, _stop.Token));

    public string Output => _output.Text;

    public string Error => _error.Text;

    public static ToolSession Start(params string[] args) => new(args);

    /// <summary>The first <c>http://127.0.0.1:PORT/</c> the tool printed (within 30 s, or when it exits).</summary>
    public async Task<Uri> UrlAsync()
    {
        var printed = _output.WaitForAsync(LoopbackUrl());
        var finished = await Task.WhenAny(printed, _run).WaitAsync(TimeSpan.FromSeconds(30));
        if (finished != printed)
        {
            Assert.Fail($"the tool exited with {await _run} before printing its URL\n{Output}\n{Error}");
        }

        return new Uri(LoopbackUrl().Match(await printed).Value);
    }

    /// <summary>Ctrl+C for the in-process command: cancels and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    internal static partial Regex LoopbackUrl();

    /// <summary>A thread-safe writer that can wait for a line matching a pattern.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly List<(Regex Pattern, TaskCompletionSource<string> Found)> _waits = [];

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
                if (value == '\n')
                {
                    var all = _text.ToString();
                    foreach (var wait in _waits.Where(w => w.Pattern.IsMatch(all)).ToList())
                    {
                        wait.Found.TrySetResult(all);
                        _waits.Remove(wait);
                    }
                }
            }
        }

        public Task<string> WaitForAsync(Regex pattern)
        {
            lock (_text)
            {
                var all = _text.ToString();
                if (pattern.IsMatch(all))
                {
                    return Task.FromResult(all);
                }

                var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waits.Add((pattern, found));
                return found.Task;
            }
        }
    }
}
