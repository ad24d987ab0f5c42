using System.Reflection;
using System.Runtime.Loader;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.ContractCalls;

/// <summary>
/// A built client assembly loaded into its own collectible <see cref="AssemblyLoadContext"/>, so the tool
/// can run its static initializers (the <c>SentryOperation</c> descriptors are static fields) without
/// mixing it with anything the tool itself loaded. Its dependencies come from the given reference paths
/// (a project's resolved references), else its own folder, else the tool (the framework is shared).
/// </summary>
internal sealed class IsolatedAssembly : IDisposable
{
    private readonly Context _context;
    private readonly List<string> _loadProblems = [];

    private IsolatedAssembly(Context context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Loads <paramref name="path"/>; a missing file or one that is not a .NET assembly is a <see cref="SpecInputException"/>.</summary>
    public static IsolatedAssembly Load(string path, IEnumerable<string> references)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SpecInputException($"{path}: assembly not found. Build the client first (`dotnet build src/Sentry.OpenApi`) or pass --assembly.");
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references.Where(r => r.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(reference), Path.GetFullPath(reference));
        }

        var context = new Context(full, byName);
        try
        {
            return new IsolatedAssembly(context, context.LoadFromAssemblyPath(full));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            context.Unload();
            throw new SpecInputException($"{path}: not a loadable .NET assembly: {e.Message}", e);
        }
    }

    /// <summary>
    /// The assembly's types that load. A type whose base or interface lives in a dependency that was not given
    /// (e.g. Polly for the retry handler) is left out and its reason kept in <see cref="LoadProblems"/>: callers
    /// that then miss something say why.
    /// </summary>
    public IReadOnlyList<Type> Types()
    {
        try
        {
            return Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            foreach (var problem in e.LoaderExceptions.OfType<Exception>())
            {
                NoteLoadProblem(problem.Message);
            }

            return e.Types.OfType<Type>().ToList();
        }
    }

    /// <summary>Why some types did not load (empty when all did); pass the assembly's dependencies with --reference to load them.</summary>
    public IReadOnlyList<string> LoadProblems => _loadProblems;

    /// <summary>Keeps why a member of the assembly could not be read.</summary>
    public void NoteLoadProblem(string problem)
    {
        if (!_loadProblems.Contains(problem))
        {
            _loadProblems.Add(problem);
        }
    }

    public void Dispose() => _context.Unload();

    private sealed class Context(string mainAssembly, IReadOnlyDictionary<string, string> references)
        : AssemblyLoadContext($"contract-calls:{Path.GetFileName(mainAssembly)}", isCollectible: true)
    {
        private readonly string _folder = Path.GetDirectoryName(mainAssembly)!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = references.TryGetValue(assemblyName.Name!, out var reference) ? reference : Path.Combine(_folder, assemblyName.Name + ".dll");
            // null: the default context (the framework, and the tool's own copies of shared libraries).
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
