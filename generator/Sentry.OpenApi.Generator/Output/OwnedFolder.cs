namespace Sentry.OpenApi.Generator.Output;

/// <summary>
/// A folder the tool owns and replaces whole: everything is written into a temp folder beside it, then
/// swapped in with one rename, so a failure leaves the previous set as it was. A marker file says the
/// tool wrote the folder; a non-empty folder without it (a user's recordings, say) is refused unless
/// forced, and so is a read-only one.
/// </summary>
internal static class OwnedFolder
{
    /// <summary>
    /// Replaces <paramref name="folder"/> with <paramref name="files"/> (relative path to text), the
    /// empty <paramref name="folders"/>, and the marker <paramref name="markerName"/>.
    /// </summary>
    public static void Replace(string folder, IReadOnlyDictionary<string, string> files, IReadOnlyList<string> folders, string markerName, string markerText, bool force)
    {
        var target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new OutputException($"{target}: cannot replace the root folder.");
        CheckParent(target, parent);
        if (Directory.Exists(target))
        {
            var topFolders = files.Keys.Where(f => f.Contains('/', StringComparison.Ordinal)).Select(f => f.Split('/')[0]).Concat(folders).ToHashSet(StringComparer.Ordinal);
            var topFiles = files.Keys.Where(f => !f.Contains('/', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            CheckOwned(target, topFiles, topFolders, markerName, force);
            CheckWritable(target);
        }
        else if (File.Exists(target))
        {
            throw new OutputException($"{target} is a file, not a folder.");
        }

        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        try
        {
            DeleteIfExists(staging);
            Directory.CreateDirectory(staging);
            foreach (var sub in folders)
            {
                Directory.CreateDirectory(Path.Combine(staging, sub));
            }

            foreach (var (relative, text) in files)
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            File.WriteAllText(Path.Combine(staging, markerName), markerText);
            Swap(target, staging, old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {target}: {e.Message} (the previous contents are unchanged)", e);
        }
        finally
        {
            DeleteQuietly(staging);
            DeleteQuietly(old);
        }
    }

    // The one moment the target changes: old out of the way, new in, old back if that failed.
    private static void Swap(string target, string staging, string old)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        DeleteIfExists(old);
        Directory.Move(target, old);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }
    }

    private static void CheckParent(string target, string parent)
    {
        for (var dir = parent; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                throw new OutputException($"cannot write {target}: {dir} is a file, not a folder.");
            }

            if (Directory.Exists(dir))
            {
                break;
            }
        }

        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {target}: cannot create {parent}: {e.Message}", e);
        }
    }

    private static void CheckOwned(string target, IReadOnlySet<string> topFiles, IReadOnlySet<string> topFolders, string markerName, bool force)
    {
        var entries = Directory.EnumerateFileSystemEntries(target).ToList();
        if (entries.Count == 0 || force)
        {
            return;
        }

        var marker = Path.Combine(target, markerName);
        if (!File.Exists(marker))
        {
            throw new OutputException(
                $"{target} is not empty and was not written by sentry-openapi (no {markerName} in it); refusing to replace it. " +
                "Choose another folder, or pass --force to replace it whole.");
        }

        // A folder where the tool writes a file, or a file where it writes a folder: not the tool's own output.
        foreach (var path in topFiles.Select(f => Path.Combine(target, f)).Where(Directory.Exists)
                     .Concat(topFolders.Select(f => Path.Combine(target, f)).Where(File.Exists)))
        {
            var isFolder = Directory.Exists(path);
            throw new OutputException(
                $"{path} is a {(isFolder ? "folder" : "file")} where sentry-openapi writes a {(isFolder ? "file" : "folder")}; refusing to replace {target}. " +
                "Remove it, or pass --force to replace the folder whole.");
        }
    }

    // Replacing the folder only needs its parent to be writable; a folder its owner made read-only is still left alone.
    private static void CheckWritable(string target)
    {
        var probe = Path.Combine(target, $".sentry-openapi-probe-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {target}: it is read-only ({e.Message}); the previous contents are unchanged.", e);
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            DeleteIfExists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; the output itself is complete.
        }
    }
}
