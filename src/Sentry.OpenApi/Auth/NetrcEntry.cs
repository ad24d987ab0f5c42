namespace Sentry.OpenApi.Auth;

/// <summary>One <c>machine</c> (or, with a null <see cref="Machine"/>, <c>default</c>) entry of a netrc file.</summary>
internal sealed record NetrcEntry(string? Machine)
{
    public string? Login { get; init; }

    public string? Password { get; init; }

    public string? Account { get; init; }

    // Records print their properties; a password must not reach a log or a debugger tooltip.
    public override string ToString() =>
        $"NetrcEntry {{ Machine = {Machine ?? "(default)"}, Login = {Login}, Password = {(Password is null ? "(none)" : "(set)")} }}";
}
