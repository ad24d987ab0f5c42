using Sentry.OpenApi.Generator.Spec;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// Maps a pointer into the bundle back to the split source file and line it came from. The bundle
/// keeps no source information, so this walks the pointer's segments through the YAML tree of
/// <c>spec/openapi.yaml</c>, following <c>$ref</c>s into other files; <c>#/components/&lt;kind&gt;/&lt;Name&gt;</c>
/// starts in <c>components/&lt;kind&gt;/&lt;Name&gt;.yaml</c> (or <c>.json</c>, which YAML reads too). When a
/// segment cannot be followed, the nearest ancestor found is the answer.
/// </summary>
internal sealed class SourceMap
{
    private readonly string _rootFile;
    private readonly bool _componentFiles;
    private readonly Dictionary<string, YamlNode?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlMappingNode, Dictionary<string, (YamlNode Key, YamlNode Value)>> _keys = new(ReferenceEqualityComparer.Instance);

    private SourceMap(string rootFile, bool componentFiles)
    {
        _rootFile = rootFile;
        _componentFiles = componentFiles;
    }

    /// <summary>The folder holding the root file (<c>spec/</c>).</summary>
    public string RootDirectory => System.IO.Path.GetDirectoryName(_rootFile)!;

    /// <summary>A map over the split sources rooted at <paramref name="openApiYaml"/>; malformed YAML there is bad input.</summary>
    public static SourceMap ForSources(string openApiYaml)
    {
        var map = new SourceMap(System.IO.Path.GetFullPath(openApiYaml), componentFiles: true);
        map.Load(map._rootFile, required: true);
        return map;
    }

    /// <summary>A map into the bundle file itself (JSON is YAML), for when there are no split sources.</summary>
    public static SourceMap? ForBundle(string bundleJson)
    {
        var map = new SourceMap(System.IO.Path.GetFullPath(bundleJson), componentFiles: false);
        return map.Load(map._rootFile, required: false) is null ? null : map;
    }

    /// <summary>The file and line where the part of the bundle at <paramref name="pointer"/> is written.</summary>
    public SourceLocation Locate(string pointer)
    {
        var segments = JsonPointers.Segments(pointer);
        if (_componentFiles && segments.Count >= 3 && segments[0] == "components" && ComponentFile(segments[1], segments[2]) is { } file
            && Load(file, required: false) is { } componentRoot)
        {
            return Walk(file, componentRoot, segments.Skip(3));
        }

        return Walk(_rootFile, Load(_rootFile, required: false), segments);
    }

    /// <summary>The source file of component <paramref name="name"/> of <paramref name="kind"/>, if there is one.</summary>
    public string? ComponentFile(string kind, string name)
    {
        var folder = System.IO.Path.Combine(RootDirectory, "components", kind);
        return new[] { ".yaml", ".yml", ".json" }.Select(ext => System.IO.Path.Combine(folder, name + ext)).FirstOrDefault(File.Exists);
    }

    /// <summary>A path as findings print it: relative to the current directory when under it.</summary>
    public static string Display(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }

    private SourceLocation Walk(string file, YamlNode? node, IEnumerable<string> segments)
    {
        var line = node is null ? 0 : (int)node.Start.Line;
        foreach (var segment in segments)
        {
            // A $ref on the way down: the bundle inlined (or renamed) what it points at; continue there.
            for (var hops = 0; hops < 16 && segment != "$ref" && Reference(node) is { } reference; hops++)
            {
                var (targetFile, target) = Follow(file, reference);
                if (target is null)
                {
                    return new SourceLocation(Display(file), line);
                }

                (file, node) = (targetFile, target);
            }

            YamlNode? child = null;
            if (node is YamlMappingNode mapping && KeysOf(mapping).TryGetValue(segment, out var entry))
            {
                line = (int)entry.Key.Start.Line;
                child = entry.Value;
            }
            else if (node is YamlSequenceNode sequence && int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count)
            {
                child = sequence.Children[index];
                line = (int)child.Start.Line;
            }

            if (child is null)
            {
                break;
            }

            node = child;
        }

        return new SourceLocation(Display(file), line);
    }

    // A mapping's entries by key, made once per mapping: `paths` of a large bundle has tens of thousands of keys,
    // and every finding under it would otherwise scan them.
    private Dictionary<string, (YamlNode Key, YamlNode Value)> KeysOf(YamlMappingNode mapping)
    {
        if (!_keys.TryGetValue(mapping, out var keys))
        {
            keys = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name })
                {
                    keys.TryAdd(name, (key, value)); // the first wins, as the scan did
                }
            }

            _keys[mapping] = keys;
        }

        return keys;
    }

    private static string? Reference(YamlNode? node) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("$ref"), out var value) && value is YamlScalarNode scalar
            ? scalar.Value
            : null;

    private (string File, YamlNode? Node) Follow(string fromFile, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var relative = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[(hash + 1)..];
        var file = relative.Length == 0 ? fromFile : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fromFile)!, Uri.UnescapeDataString(relative)));
        var node = Load(file, required: false);
        foreach (var segment in JsonPointers.Segments("#" + fragment))
        {
            node = node switch
            {
                YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode(segment), out var child) => child,
                YamlSequenceNode s when int.TryParse(segment, out var i) && i >= 0 && i < s.Children.Count => s.Children[i],
                _ => null,
            };
        }

        return (file, node);
    }

    private YamlNode? Load(string file, bool required)
    {
        if (_files.TryGetValue(file, out var cached))
        {
            return cached;
        }

        YamlNode? root = null;
        if (File.Exists(file))
        {
            try
            {
                var stream = new YamlStream();
                using (var reader = File.OpenText(file))
                {
                    stream.Load(reader);
                }

                root = stream.Documents.FirstOrDefault()?.RootNode;
            }
            catch (YamlException e) when (_componentFiles)
            {
                throw new SpecInputException($"{Display(file)}:{e.Start.Line}: malformed YAML ({e.Message}); fix the file, then rebuild the bundle.", e);
            }
            catch (InvalidOperationException e) when (_componentFiles)
            {
                // YamlDotNet's scanner throws this (without a position) when a file ends inside a flow collection.
                throw new SpecInputException($"{Display(file)}: malformed YAML (it ends inside an unclosed [ or {{); fix the file, then rebuild the bundle.", e);
            }
            catch (Exception e) when (e is YamlException or InvalidOperationException)
            {
                // The bundle itself as YAML is only a convenience for line numbers.
                root = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpecInputException($"{Display(file)}: cannot be read ({e.Message}).", e);
            }
        }
        else if (required)
        {
            throw new SpecInputException($"{Display(file)}: sources not found; pass the split spec's root file with --sources (default spec/openapi.yaml).");
        }

        _files[file] = root;
        return root;
    }
}
