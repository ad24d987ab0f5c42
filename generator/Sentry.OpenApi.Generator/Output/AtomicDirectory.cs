namespace Sentry.OpenApi.Generator.Output;

/// <summary>Replaces a directory's files all at once: written into a sibling temp directory, then swapped in.</summary>
internal static class AtomicDirectory
{
    public static void Replace(string directory, IReadOnlyDictionary<string, string> files)
    {
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(staging, name), text);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, old);
            }

            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
        }
    }
}
