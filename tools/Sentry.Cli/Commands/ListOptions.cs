using System.CommandLine;

namespace Sentry.Cli.Commands;

/// <summary>The paging options of every list command.</summary>
internal sealed class ListOptions
{
    public Option<bool> All { get; } = new("--all")
    {
        Description = "Follow Sentry's Link header to the last page (progress on standard error; with --json, one item per line).",
    };

    public Option<string> Cursor { get; } = new("--cursor")
    {
        Description = "Start at this page cursor (from a previous run's hint, or a walk that stopped).",
        HelpName = "CURSOR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(All);
        command.Options.Add(Cursor);
    }
}
