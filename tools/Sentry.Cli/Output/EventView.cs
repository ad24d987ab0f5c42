using Sentry.OpenApi;

namespace Sentry.Cli.Output;

/// <summary>
/// An event for people: its header, then the exception chain as Sentry shows it (the exception that was
/// raised last first, then what caused it), optionally with each exception's top in-app frames, innermost
/// first. An event without an exception shows its message.
/// </summary>
internal static class EventView
{
    public static void Write(Event sentryEvent, CliOutput output, int? frames)
    {
        output.Details(new Details()
            .Add("event", sentryEvent.EventId ?? sentryEvent.Id)
            .Add("date", Format.Instant(sentryEvent.DateCreated))
            .Add("title", sentryEvent.Title)
            .Add("platform", sentryEvent.Platform)
            .Add("release", sentryEvent.Release?.Version)
            .Add("user", sentryEvent.User is { } user ? user.Email ?? user.Username ?? user.Id : null)
            .Add("location", sentryEvent.Location ?? sentryEvent.Culprit));

        var chain = (sentryEvent.Entries ?? [])
            .OfType<EventEntryException>()
            .SelectMany(entry => entry.Data?.Values ?? [])
            .Reverse()
            .ToList();
        if (chain.Count == 0)
        {
            if (sentryEvent.Message is { Length: > 0 } message)
            {
                output.Text("");
                output.Text(TerminalText.Clean(message));
            }

            return;
        }

        output.Text("");
        for (var i = 0; i < chain.Count; i++)
        {
            var exception = chain[i];
            var text = exception.Value is { Length: > 0 } value ? $"{exception.Type}: {value}" : exception.Type ?? "(exception)";
            output.Text((i == 0 ? "" : "caused by ") + TerminalText.Clean(text));
            if (frames is { } max)
            {
                WriteFrames(exception.Stacktrace?.Frames ?? [], max, output);
            }
        }
    }

    private static void WriteFrames(IList<EventFrame> frames, int max, CliOutput output)
    {
        // Sentry lists frames outermost first; the frame that raised is the last one.
        var inApp = frames.Where(f => f.InApp == true).Reverse().Take(max).ToList();
        var shown = inApp.Count > 0 ? inApp : frames.Reverse().Take(max).ToList();
        if (shown.Count > 0 && inApp.Count == 0)
        {
            output.Text("    (no in-app frames; the top frames:)");
        }

        foreach (var frame in shown)
        {
            output.Text("    at " + TerminalText.Clean(Describe(frame)));
        }
    }

    private static string Describe(EventFrame frame)
    {
        var where = frame.Filename ?? frame.AbsPath ?? frame.Module ?? frame.Package ?? "?";
        var line = frame.LineNo is { } lineNo ? $":{lineNo}" + (frame.ColNo is { } colNo ? $":{colNo}" : "") : "";
        return $"{frame.Function ?? frame.Symbol ?? "?"} ({where}{line})";
    }
}
