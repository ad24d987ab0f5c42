using System.CommandLine;

namespace Sentry.Cli.Commands;

/// <summary>The issue arguments the issue and event commands share.</summary>
internal static class IssueArguments
{
    public static Argument<string> Id() => new("ID") { Description = "The issue id (numeric, as in the issue's URL)." };

    public static Argument<string[]> Ids() => new("ID") { Description = "Issue ids.", Arity = ArgumentArity.OneOrMore };
}
