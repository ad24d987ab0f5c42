namespace Sentry.Cli.Output;

/// <summary>A table column: its header, and whether its cells (numbers) are right-aligned.</summary>
internal sealed record Column(string Header, bool AlignRight = false);
