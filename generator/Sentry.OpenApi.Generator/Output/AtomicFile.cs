namespace Sentry.OpenApi.Generator.Output;

/// <summary>
/// Writes a file all at once: the text goes to a temp file beside the target, then replaces it, so a
/// failure never leaves a half-written output behind.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes only when the text differs, so unchanged outputs keep their timestamps.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        WriteAllText(path, text);
        return true;
    }
}
