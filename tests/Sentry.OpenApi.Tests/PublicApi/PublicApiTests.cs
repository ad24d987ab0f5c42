using System.Reflection;
using PublicApiGenerator;

namespace Sentry.OpenApi.Tests.PublicApi;

/// <summary>
/// The library's public API is reviewed: it is compared with a committed text file, so every change to
/// the generated or hand-written surface shows up in a diff, and it reads like C#.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Library = typeof(SentryApiClient).Assembly;

    private static string ApprovedFile => Path.Combine(RepositoryPaths.Root, "tests", "Sentry.OpenApi.Tests", "PublicApi", "Sentry.OpenApi.approved.txt");

    [Test]
    public void The_public_api_matches_the_approved_file()
    {
        var actual = Library.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var approved = File.Exists(ApprovedFile) ? File.ReadAllText(ApprovedFile).ReplaceLineEndings("\n") : "";
        if (actual == approved)
        {
            return;
        }

        var received = ApprovedFile.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
        File.WriteAllText(received, actual);
        var firstDifference = actual.Split('\n').Zip(approved.Split('\n'), (a, b) => (a, b)).Select((pair, line) => (pair, line)).FirstOrDefault(x => x.pair.a != x.pair.b);
        Assert.Fail($"The public API changed. Review {received} and, if intended, copy it over {ApprovedFile}. " +
            $"First difference at line {firstDifference.line + 1}: approved '{firstDifference.pair.b}', now '{firstDifference.pair.a}'.");
    }

    [Test]
    public void No_public_identifier_contains_an_underscore()
    {
        var offenders = new List<string>();
        foreach (var type in Library.GetExportedTypes())
        {
            Check(type.Name, type.FullName!);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (member is MethodInfo { IsSpecialName: true } or FieldInfo { IsSpecialName: true })
                {
                    continue; // property accessors and operators are named by the compiler
                }

                Check(member.Name, $"{type.FullName}.{member.Name}");
                var parameters = member switch
                {
                    MethodBase method => method.GetParameters(),
                    _ => [],
                };
                foreach (var parameter in parameters)
                {
                    Check(parameter.Name ?? "", $"{type.FullName}.{member.Name}({parameter.Name})");
                }
            }
        }

        Assert.That(offenders, Is.Empty, "public identifiers with '_'");

        void Check(string name, string where)
        {
            if (name.Contains('_') && !name.StartsWith("<", StringComparison.Ordinal))
            {
                offenders.Add(where);
            }
        }
    }

    [Test]
    public void No_public_type_shadows_a_type_of_a_namespace_that_implicit_usings_import()
    {
        // The namespaces `<ImplicitUsings>enable</ImplicitUsings>` imports in a console app or library.
        string[] imported = ["System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
        var bcl = new[] { typeof(object), typeof(Enumerable), typeof(HttpClient), typeof(List<>), typeof(Uri), typeof(Console), typeof(File), typeof(Monitor), typeof(Task) }
            .Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => imported.Contains(t.Namespace))
            .Select(t => SimpleName(t.Name))
            .ToHashSet(StringComparer.Ordinal);

        var shadowing = Library.GetExportedTypes().Where(t => !t.IsNested && bcl.Contains(SimpleName(t.Name))).Select(t => t.FullName).ToList();

        Assert.That(shadowing, Is.Empty, "public types that would be ambiguous with a BCL type under implicit usings");
    }

    [Test]
    public void Every_obsolete_member_says_what_to_use_instead()
    {
        var silent = Library.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Append(t))
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ObsoleteAttribute>()))
            .Where(x => x.Attribute is not null && (string.IsNullOrWhiteSpace(x.Attribute.Message) || !x.Attribute.Message.Contains("use ", StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"{x.Member.DeclaringType?.Name}.{x.Member.Name}: '{x.Attribute!.Message}'")
            .Distinct()
            .ToList();

        Assert.That(silent, Is.Empty);
    }

    private static string SimpleName(string name) => name.Split('`')[0];
}
