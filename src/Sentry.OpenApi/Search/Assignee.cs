namespace Sentry.OpenApi;

/// <summary>
/// Who an issue is assigned to, for <see cref="SentryQuery.AssignedToAny"/>: <see cref="Me"/> (the token's
/// owner), a <see cref="User"/> or a <see cref="Team"/>.
/// </summary>
public sealed class Assignee
{
    private readonly string _text;

    private Assignee(string text) => _text = text;

    /// <summary>The owner of the auth token: <c>me</c>.</summary>
    public static Assignee Me { get; } = new("me");

    /// <summary>A user by username or email: <c>jane.doe</c>, quoted when it needs to be.</summary>
    /// <exception cref="ArgumentException">The user is empty or starts with <c>#</c>, which Sentry reads as a team.</exception>
    public static Assignee User(string user)
    {
        var text = SentryQuery.Value(user, nameof(user));
        if (user.StartsWith('#'))
        {
            throw new ArgumentException($"'{user}' starts with '#', which Sentry reads as a team; use Team for teams.", nameof(user));
        }

        return new(text);
    }

    /// <summary>A team by its slug, without the <c>#</c> Sentry marks teams with: <c>Team("backend")</c> is <c>#backend</c>.</summary>
    /// <exception cref="ArgumentException">The slug is empty or not only letters, digits, <c>-</c> and <c>_</c>.</exception>
    public static Assignee Team(string teamSlug)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamSlug);
        if (!teamSlug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"'{teamSlug}' is not a team slug (letters, digits, '-' and '_', without the '#').", nameof(teamSlug));
        }

        return new("#" + teamSlug);
    }

    /// <summary>The value as written after <c>assigned:</c>, e.g. <c>#backend</c>.</summary>
    public override string ToString() => _text;
}
