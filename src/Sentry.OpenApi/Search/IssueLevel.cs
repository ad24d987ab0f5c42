namespace Sentry.OpenApi;

/// <summary>
/// An issue severity to search for with <see cref="SentryQuery.Level"/> (<c>level:error</c>). Other levels
/// Sentry knows (<see cref="LevelValues"/>) can be searched with <c>Tag("level", …)</c>.
/// </summary>
public enum IssueLevel
{
    /// <summary><c>level:fatal</c></summary>
    Fatal,

    /// <summary><c>level:error</c></summary>
    Error,

    /// <summary><c>level:warning</c></summary>
    Warning,

    /// <summary><c>level:info</c></summary>
    Info,
}
