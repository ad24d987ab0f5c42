using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sentry.OpenApi;

/// <summary>
/// Builds the <c>query</c> text of Sentry's issue search: filters and free text, separated by single spaces,
/// in the order added. Immutable: every method returns a new query and leaves this one as it was.
/// Values that would break the syntax are quoted (<c>browser:"Chrome Mobile"</c>).
/// </summary>
/// <example>
/// <code>
/// var query = SentryQuery.Create().Is(IssueState.Unresolved).Not().AssignedToMe().Level(IssueLevel.Error);
/// // is:unresolved !assigned:me level:error
/// await sentry.Issues.ListOrganizationIssuesAsync("my-org", query: query);
/// </code>
/// </example>
public sealed class SentryQuery
{
    private static readonly SentryQuery Empty = new([]);

    // Unquoted, these end a value or a list item, start a quoted one, or make free text a filter.
    private static readonly char[] NeedsQuotes = ['"', '\\', ',', '[', ']', '(', ')', ':'];

    // Never changed after construction: every method makes a new array.
    private readonly string[] _terms;

    private SentryQuery(string[] terms) => _terms = terms;

    /// <summary>An empty query. Sent as an empty <c>query</c>, it lists issues of every status.</summary>
    public static SentryQuery Create() => Empty;

    /// <summary>Negates the next filter: <c>Not().AssignedToMe()</c> is <c>!assigned:me</c>.</summary>
    public SentryNegatedQuery Not() => new(this);

    /// <summary>Issues in a status: <c>is:unresolved</c>.</summary>
    public SentryQuery Is(IssueState state) => Append("is:" + state switch
    {
        IssueState.Unresolved => "unresolved",
        IssueState.Resolved => "resolved",
        IssueState.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an IssueState."),
    });

    /// <summary>Issues assigned to the owner of the auth token: <c>assigned:me</c>.</summary>
    public SentryQuery AssignedToMe() => AssignedToAny(Assignee.Me);

    /// <summary>Issues assigned to a user, by username or email: <c>assigned:jane.doe</c>.</summary>
    /// <exception cref="ArgumentException">The user is empty or starts with <c>#</c> (a team: use <see cref="AssignedToTeam"/>).</exception>
    public SentryQuery AssignedTo(string user) => AssignedToAny(Assignee.User(user));

    /// <summary>Issues assigned to a team, by slug without the <c>#</c>: <c>AssignedToTeam("backend")</c> is <c>assigned:#backend</c>.</summary>
    /// <exception cref="ArgumentException">The slug is empty or not only letters, digits, <c>-</c> and <c>_</c>.</exception>
    public SentryQuery AssignedToTeam(string teamSlug) => AssignedToAny(Assignee.Team(teamSlug));

    /// <summary>Issues assigned to any of the assignees: <c>assigned:[me, #backend-team]</c> (one gives <c>assigned:me</c>).</summary>
    /// <exception cref="ArgumentException">No assignees, or a null one.</exception>
    public SentryQuery AssignedToAny(params Assignee[] assignees)
    {
        ArgumentNullException.ThrowIfNull(assignees);
        if (assignees.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(assignees), "An assignee is null.");
        }

        return Filter("assigned", assignees.Select(a => a.ToString()).ToList(), nameof(assignees));
    }

    /// <summary>Issues first seen within the window: <c>firstSeen:-24h</c>.</summary>
    public SentryQuery FirstSeen(Within within) => Relative("firstSeen", within);

    /// <summary>Issues first seen after a date (the UTC date of <paramref name="date"/>), as Sentry's issue search reference writes it: <c>firstSeen:+2025-01-01</c>.</summary>
    public SentryQuery FirstSeenAfter(DateTimeOffset date) => Append("firstSeen:+" + Date(date));

    /// <summary>Issues last seen within the window: <c>lastSeen:-7d</c>.</summary>
    public SentryQuery LastSeen(Within within) => Relative("lastSeen", within);

    /// <summary>Issues last seen after a date (the UTC date of <paramref name="date"/>): <c>lastSeen:+2025-01-01</c>.</summary>
    public SentryQuery LastSeenAfter(DateTimeOffset date) => Append("lastSeen:+" + Date(date));

#if NET6_0_OR_GREATER
    /// <summary>Issues first seen after a date: <c>firstSeen:+2025-01-01</c>.</summary>
    public SentryQuery FirstSeenAfter(DateOnly date) => FirstSeenAfter(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>Issues last seen after a date: <c>lastSeen:+2025-01-01</c>.</summary>
    public SentryQuery LastSeenAfter(DateOnly date) => LastSeenAfter(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
#endif

    /// <summary>Issues of any of the levels: <c>level:error</c>, <c>level:[error, fatal]</c>.</summary>
    /// <exception cref="ArgumentException">No levels, or one that is not an <see cref="IssueLevel"/>.</exception>
    public SentryQuery Level(params IssueLevel[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return Filter("level", levels.Select(level => level switch
        {
            IssueLevel.Fatal => "fatal",
            IssueLevel.Error => "error",
            IssueLevel.Warning => "warning",
            IssueLevel.Info => "info",
            _ => throw new ArgumentOutOfRangeException(nameof(levels), level, "Not an IssueLevel."),
        }).ToList(), nameof(levels));
    }

    /// <summary>Issues by event count: <c>TimesSeen(CountComparison.GreaterThan, 100)</c> is <c>timesSeen:&gt;100</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or an undefined comparison.</exception>
    public SentryQuery TimesSeen(CountComparison comparison, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var op = comparison switch
        {
            CountComparison.Equal => "",
            CountComparison.GreaterThan => ">",
            CountComparison.GreaterThanOrEqual => ">=",
            CountComparison.LessThan => "<",
            CountComparison.LessThanOrEqual => "<=",
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Not a CountComparison."),
        };
        return Append("timesSeen:" + op + count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Issues whose title or message contains the text: <c>TypeError</c>, or <c>"Cannot read \"x\""</c> when quoted.</summary>
    /// <exception cref="ArgumentException">The text is empty or has a <c>*</c>, which Sentry reads as a wildcard (use <see cref="Wildcard"/>).</exception>
    public SentryQuery Text(string text)
    {
        var value = Value(text, nameof(text));
        if (text.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{text}' has a '*', which Sentry reads as a wildcard; use Wildcard for patterns.", nameof(text));
        }

        return Append(value);
    }

    /// <summary>Issues whose title or message matches a pattern where <c>*</c> is any text: <c>Type*</c>.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or has no <c>*</c> (use <see cref="Text"/>).</exception>
    public SentryQuery Wildcard(string pattern)
    {
        var value = Value(pattern, nameof(pattern));
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{pattern}' has no '*'; use Text for plain text.", nameof(pattern));
        }

        return Append(value);
    }

    /// <summary>
    /// Issues with a tag (built-in or custom) of any of the values: <c>browser:Chrome</c>,
    /// <c>browser:[Chrome, Firefox]</c>. A <c>*</c> in a value is a wildcard.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The key is not letters, digits, <c>_</c>, <c>.</c> and <c>-</c> (the keys Sentry's search can write unquoted),
    /// or there are no values, or an empty one.
    /// </exception>
    public SentryQuery Tag(string key, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw new ArgumentException($"'{key}' is not a tag key Sentry's search accepts (letters, digits, '_', '.' and '-').", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(values);
        return Filter(key, values.Select(v => Value(v, nameof(values))).ToList(), nameof(values));
    }

    /// <summary>The query text: the terms in the order added, separated by single spaces.</summary>
    public override string ToString() => string.Join(' ', _terms);

    /// <summary>The query text, so a query can be passed where the client takes <c>string? query</c>.</summary>
    [return: NotNullIfNotNull(nameof(query))]
    public static implicit operator string?(SentryQuery? query) => query?.ToString();

    /// <summary>The value as Sentry's search reads it literally: quoted, with <c>"</c> and <c>\</c> escaped, when needed.</summary>
    internal static string Value(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        var quote = value.IndexOfAny(NeedsQuotes) >= 0
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            // Bare, these are the boolean operators of free text.
            || value.Equals("AND", StringComparison.OrdinalIgnoreCase)
            || value.Equals("OR", StringComparison.OrdinalIgnoreCase);
        return quote
            ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : value;
    }

    /// <summary>This query with its last term negated; for <see cref="SentryNegatedQuery"/>, after it added a filter.</summary>
    internal SentryQuery NegateLast()
    {
        var terms = (string[])_terms.Clone();
        terms[^1] = "!" + terms[^1];
        return new(terms);
    }

    private SentryQuery Append(string term) => new([.. _terms, term]);

    private SentryQuery Filter(string key, List<string> values, string paramName) => values.Count switch
    {
        0 => throw new ArgumentException("At least one value is needed.", paramName),
        1 => Append(key + ":" + values[0]),
        _ => Append(key + ":[" + string.Join(", ", values) + "]"),
    };

    private SentryQuery Relative(string key, Within within)
    {
        ArgumentNullException.ThrowIfNull(within);
        return Append(key + ":-" + within);
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
