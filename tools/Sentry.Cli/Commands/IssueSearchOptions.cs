using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary>
/// The search flags of <c>issues list</c>, turned into Sentry's search syntax by the library's
/// <see cref="SentryQuery"/> (which quotes and escapes values); or <c>--query</c>, passed as typed.
/// </summary>
internal sealed partial class IssueSearchOptions
{
    public Option<string> Query { get; } = new("--query", "-q")
    {
        Description = "The search as typed in Sentry, e.g. 'is:unresolved level:error TypeError' (instead of the filter flags; '' for every status). Without a search Sentry lists unresolved issues.",
        HelpName = "SEARCH",
    };

    public Option<string> Is { get; } = new Option<string>("--is")
    {
        Description = "Status (is:...).",
    }.AcceptOnlyFromAmong("unresolved", "resolved", "ignored");

    public Option<string[]> Assigned { get; } = new("--assigned")
    {
        Description = "Assigned to 'me', a user (jane.doe or an email) or a team (#backend or team:backend); repeat for any of several.",
        HelpName = "WHO",
    };

    public Option<string[]> Level { get; } = new Option<string[]>("--level")
    {
        Description = "Level (level:...); repeat for any of several.",
    }.AcceptOnlyFromAmong("fatal", "error", "warning", "info");

    public Option<TimeFilter?> FirstSeen { get; } = new("--first-seen")
    {
        Description = "First seen within a window (-24h, -7d, -30m, -2w) or after a date (+2025-01-01).",
        HelpName = "WHEN",
        CustomParser = result => TimeFilter.Parse(result, "--first-seen"),
    };

    public Option<TimeFilter?> LastSeen { get; } = new("--last-seen")
    {
        Description = "Last seen within a window (-24h, -7d, -30m, -2w) or after a date (+2025-01-01).",
        HelpName = "WHEN",
        CustomParser = result => TimeFilter.Parse(result, "--last-seen"),
    };

    public Option<CountFilter?> TimesSeen { get; } = new("--times-seen")
    {
        Description = "Event count: '>100', '>=10', '<5', '<=5' or '100' (quote it in the shell).",
        HelpName = "COUNT",
        CustomParser = CountFilter.Parse,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Query, Is, Assigned, Level, FirstSeen, LastSeen, TimesSeen })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The <c>query</c> to send: <c>--query</c> as given, the flags as built by <see cref="SentryQuery"/>, or null for Sentry's default.</summary>
    public string? Build(ParseResult parse)
    {
        var raw = parse.GetValue(Query);
        var flags = new List<string>();
        var query = SentryQuery.Create();
        if (parse.GetValue(Is) is { } status)
        {
            flags.Add("--is");
            query = query.Is(Enum.Parse<IssueState>(status, ignoreCase: true));
        }

        if (parse.GetValue(Assigned) is { Length: > 0 } assigned)
        {
            flags.Add("--assigned");
            query = query.AssignedToAny(assigned.Select(Assignee).ToArray());
        }

        if (parse.GetValue(Level) is { Length: > 0 } levels)
        {
            flags.Add("--level");
            query = query.Level(levels.Select(l => Enum.Parse<IssueLevel>(l, ignoreCase: true)).ToArray());
        }

        if (parse.GetValue(FirstSeen) is { } firstSeen)
        {
            flags.Add("--first-seen");
            query = firstSeen.Within is { } within ? query.FirstSeen(within) : query.FirstSeenAfter(firstSeen.After!.Value);
        }

        if (parse.GetValue(LastSeen) is { } lastSeen)
        {
            flags.Add("--last-seen");
            query = lastSeen.Within is { } within ? query.LastSeen(within) : query.LastSeenAfter(lastSeen.After!.Value);
        }

        if (parse.GetValue(TimesSeen) is { } timesSeen)
        {
            flags.Add("--times-seen");
            query = query.TimesSeen(timesSeen.Comparison, timesSeen.Count);
        }

        if (raw is not null && flags.Count > 0)
        {
            throw new CliUsageException($"--query is the whole search; it cannot be combined with {string.Join(", ", flags)}. Write those filters into --query, or drop it.");
        }

        return raw ?? (flags.Count > 0 ? query.ToString() : null);
    }

    private static Assignee Assignee(string who)
    {
        var value = who.Trim();
        try
        {
            return value switch
            {
                "me" => OpenApi.Assignee.Me,
                _ when value.StartsWith('#') => OpenApi.Assignee.Team(value[1..]),
                _ when value.StartsWith("team:", StringComparison.Ordinal) => OpenApi.Assignee.Team(value["team:".Length..]),
                _ => OpenApi.Assignee.User(value),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--assigned: {e.Message}");
        }
    }

    /// <summary>A <c>firstSeen</c>/<c>lastSeen</c> value: within a window, or after a date.</summary>
    internal sealed partial record TimeFilter(Within? Within, DateOnly? After)
    {
        public static TimeFilter? Parse(ArgumentResult result, string option)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
            if (RelativePattern().Match(text) is { Success: true } relative
                && int.TryParse(relative.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                return new TimeFilter(relative.Groups["unit"].Value switch
                {
                    "m" => OpenApi.Within.Minutes(amount),
                    "h" => OpenApi.Within.Hours(amount),
                    "d" => OpenApi.Within.Days(amount),
                    _ => OpenApi.Within.Weeks(amount),
                }, null);
            }

            if (text.StartsWith('+') && DateOnly.TryParseExact(text[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new TimeFilter(null, date);
            }

            result.AddError($"{option}: '{Output.TerminalText.Clean(text)}' is neither a window (-24h, -7d, -30m, -2w) nor a date (+2025-01-01).");
            return null;
        }

        [GeneratedRegex("^-?(?<amount>[0-9]{1,9})(?<unit>[mhdw])$")]
        private static partial Regex RelativePattern();
    }

    /// <summary>A <c>timesSeen</c> comparison.</summary>
    internal sealed partial record CountFilter(CountComparison Comparison, long Count)
    {
        public static CountFilter? Parse(ArgumentResult result)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
            if (CountPattern().Match(text) is { Success: true } match
                && long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return new CountFilter(match.Groups["op"].Value switch
                {
                    ">" => CountComparison.GreaterThan,
                    ">=" => CountComparison.GreaterThanOrEqual,
                    "<" => CountComparison.LessThan,
                    "<=" => CountComparison.LessThanOrEqual,
                    _ => CountComparison.Equal,
                }, count);
            }

            result.AddError($"--times-seen: '{Output.TerminalText.Clean(text)}' is not a count comparison such as '>100', '>=10', '<5' or '100'.");
            return null;
        }

        [GeneratedRegex("^(?<op>>=|<=|>|<|=)?(?<count>[0-9]{1,18})$")]
        private static partial Regex CountPattern();
    }
}
