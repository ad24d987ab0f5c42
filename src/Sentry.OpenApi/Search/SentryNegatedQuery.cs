namespace Sentry.OpenApi;

/// <summary>
/// A <see cref="SentryQuery"/> whose next filter is negated with <c>!</c>: <c>Not().AssignedToMe()</c> is
/// <c>!assigned:me</c>. Only the filters Sentry can negate are here: its grammar has no negated
/// <c>firstSeen</c>/<c>lastSeen</c> filter, and free text has no negation at all.
/// </summary>
public sealed class SentryNegatedQuery
{
    private readonly SentryQuery _query;

    internal SentryNegatedQuery(SentryQuery query) => _query = query;

    /// <summary>Issues not in a status: <c>!is:resolved</c>.</summary>
    public SentryQuery Is(IssueState state) => _query.Is(state).NegateLast();

    /// <summary>Issues not assigned to the token's owner: <c>!assigned:me</c>.</summary>
    public SentryQuery AssignedToMe() => _query.AssignedToMe().NegateLast();

    /// <summary>Issues not assigned to a user: <c>!assigned:jane.doe</c>.</summary>
    /// <inheritdoc cref="SentryQuery.AssignedTo" path="/exception"/>
    public SentryQuery AssignedTo(string user) => _query.AssignedTo(user).NegateLast();

    /// <summary>Issues not assigned to a team: <c>!assigned:#backend</c>.</summary>
    /// <inheritdoc cref="SentryQuery.AssignedToTeam" path="/exception"/>
    public SentryQuery AssignedToTeam(string teamSlug) => _query.AssignedToTeam(teamSlug).NegateLast();

    /// <summary>Issues assigned to none of the assignees: <c>!assigned:[me, #backend-team]</c>.</summary>
    /// <inheritdoc cref="SentryQuery.AssignedToAny" path="/exception"/>
    public SentryQuery AssignedToAny(params Assignee[] assignees) => _query.AssignedToAny(assignees).NegateLast();

    /// <summary>Issues of none of the levels: <c>!level:info</c>.</summary>
    /// <inheritdoc cref="SentryQuery.Level" path="/exception"/>
    public SentryQuery Level(params IssueLevel[] levels) => _query.Level(levels).NegateLast();

    /// <summary>Issues whose event count does not compare so: <c>!timesSeen:&gt;100</c>.</summary>
    /// <inheritdoc cref="SentryQuery.TimesSeen" path="/exception"/>
    public SentryQuery TimesSeen(CountComparison comparison, long count) => _query.TimesSeen(comparison, count).NegateLast();

    /// <summary>Issues without the tag value, or any of the values: <c>!browser:Chrome</c>.</summary>
    /// <inheritdoc cref="SentryQuery.Tag" path="/exception"/>
    public SentryQuery Tag(string key, params string[] values) => _query.Tag(key, values).NegateLast();
}
