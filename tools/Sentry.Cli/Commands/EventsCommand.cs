using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary><c>events list|latest|show</c>: an issue's events, and one event's exception chain.</summary>
internal static class EventsCommand
{
    private const int DefaultFrames = 5;

    public static readonly Rows<Event> Rows = new(
        [new("EVENT ID"), new("DATE"), new("PLATFORM"), new("TITLE")],
        e => [e.EventId ?? e.Id, Format.Time(e.DateCreated), e.Platform, e.Title ?? e.Message]);

    public static Command Create(ToolContext tool) => new("events", "List an issue's events, and show one with its exception chain.")
    {
        List(tool),
        Latest(tool),
        Show(tool),
    };

    private static Command List(ToolContext tool)
    {
        var issue = IssueArguments.Id();
        var full = new Option<bool>("--full") { Description = "Ask for full events (entries: exception, breadcrumbs, request); with --json." };
        var list = new ListOptions();
        var command = new Command("list", "List an issue's events, newest first.") { issue, full };
        list.AddTo(command);
        tool.SetAction(command, (session, parse, cancellationToken) =>
        {
            var options = new ListIssueEventsOptions { Full = parse.GetValue(full) ? true : null, Cursor = parse.GetValue(list.Cursor) };
            var org = session.Org;
            var id = parse.GetRequiredValue(issue);
            var events = session.Client.Events;
            return Listing.WriteAsync(session, "events", parse.GetValue(list.All),
                () => events.ListIssueEventsAllAsync(org, id, options, cancellationToken: cancellationToken),
                () => events.ListIssueEventsAsync(org, id, options, cancellationToken),
                Rows, cancellationToken);
        });
        return command;
    }

    private static Command Latest(ToolContext tool)
    {
        var issue = IssueArguments.Id();
        var (frames, maxFrames) = FrameOptions();
        var command = new Command("latest", "Show an issue's latest event: its exception chain, with --frames the top in-app frames.") { issue, frames, maxFrames };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var latest = await session.Client.Events.RetrieveLatestIssueEventAsync(org, parse.GetRequiredValue(issue), cancellationToken: cancellationToken);
            return Print(session, latest, parse.GetValue(frames) ? parse.GetValue(maxFrames) : null);
        });
        return command;
    }

    private static Command Show(ToolContext tool)
    {
        var issue = IssueArguments.Id();
        var eventId = new Argument<string>("EVENT") { Description = "The event id (32 hex digits), or latest, oldest, recommended." };
        var (frames, maxFrames) = FrameOptions();
        var command = new Command("show", "Show one event of an issue: its exception chain, with --frames the top in-app frames.") { issue, eventId, frames, maxFrames };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var one = await session.Client.Events.RetrieveIssueEventAsync(org, parse.GetRequiredValue(issue), parse.GetRequiredValue(eventId), cancellationToken: cancellationToken);
            return Print(session, one, parse.GetValue(frames) ? parse.GetValue(maxFrames) : null);
        });
        return command;
    }

    private static (Option<bool> Frames, Option<int> MaxFrames) FrameOptions()
    {
        var frames = new Option<bool>("--frames") { Description = "Also print each exception's top in-app frames (where it was raised first)." };
        var maxFrames = new Option<int>("--max-frames")
        {
            Description = "How many frames per exception with --frames.",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultFrames,
        };
        maxFrames.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-frames must be at least 1.");
            }
        });
        return (frames, maxFrames);
    }

    private static int Print(CliSession session, Event sentryEvent, int? frames)
    {
        if (session.Out.Json)
        {
            session.Out.Document(sentryEvent);
        }
        else
        {
            EventView.Write(sentryEvent, session.Out, frames);
        }

        return ExitCodes.Ok;
    }
}
