namespace Sentry.OpenApi.Generator.Tests.Validation;

/// <summary>The fixtures of `validate`: small bundled specs under Fixtures/validate/, each showing one situation.</summary>
internal static class ValidateFixtures
{
    /// <summary>The folder, relative to the repository root (where <see cref="ToolRun"/> runs the tool), as findings print it.</summary>
    public const string Folder = "tests/Sentry.OpenApi.Generator.Tests/Fixtures/validate";

    public static string PathOf(string name) => $"{Folder}/{name}";

    /// <summary>
    /// The 1-based line of the <paramref name="occurrence"/>-th line of fixture <paramref name="name"/> that
    /// contains <paramref name="marker"/>, plus <paramref name="offset"/>: where a finding should point.
    /// </summary>
    public static int LineOf(string name, string marker, int occurrence = 1, int offset = 0)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, PathOf(name)));
        var found = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal) && ++found == occurrence)
            {
                return i + 1 + offset;
            }
        }

        throw new InvalidOperationException($"{name}: no occurrence {occurrence} of `{marker}`.");
    }

    /// <summary>The finding lines of a run (everything but the closing summary).</summary>
    public static IReadOnlyList<string> Findings(ToolRun run) =>
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("validate:", StringComparison.Ordinal))
            .ToList();
}
