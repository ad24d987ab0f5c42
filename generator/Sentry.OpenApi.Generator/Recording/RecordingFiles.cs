using WireMock.Handlers;

namespace Sentry.OpenApi.Generator.Recording;

/// <summary>
/// Where the recorder saves: <c>DIR/mappings/NNN-METHOD-path.json</c> (numbered in recording order),
/// each mapping scrubbed of credentials before it touches the disk.
/// </summary>
internal sealed class RecordingFiles(string root, RecordingScrubber scrubber, Action<string> saved) : LocalFileSystemHandler(root)
{
    private int _count;

    public string MappingsFolder { get; } = Path.Combine(root, "mappings");

    public int Count => Volatile.Read(ref _count);

    public override string GetMappingFolder() => MappingsFolder;

    public override void WriteMappingFile(string path, string text)
    {
        var number = Interlocked.Increment(ref _count);
        var name = Path.GetFileNameWithoutExtension(path).Replace("Proxy Mapping for ", "", StringComparison.Ordinal);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')).Trim('_');
        var file = Path.Combine(MappingsFolder, $"{number:D3}-{(safe.Length > 100 ? safe[..100] : safe)}.json");
        Output.AtomicFile.WriteAllText(file, scrubber.Scrub(text));
        saved(file);
    }
}
