namespace Sentry.OpenApi.Testing;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BundledSpec => Path.Combine(Root, "artifacts", "spec", "sentry-api.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sentry.OpenApi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Sentry.OpenApi.sln above {AppContext.BaseDirectory}.");
    }
}
