using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Tests.Generation;

/// <summary>
/// The templates of build/nswag/ replace NSwag's and NJsonSchema's; when an NSwag.MSBuild upgrade changes one
/// of those, this fails, naming it, so its changes are reviewed and carried over into ours.
/// </summary>
public sealed class TemplateDriftTests
{
    private static string NSwagToolsFolder()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "build", "Sentry.OpenApi.CodeGen", "Sentry.OpenApi.CodeGen.proj"));
        var version = project.Descendants("PackageReference").Single(p => (string?)p.Attribute("Include") == "NSwag.MSBuild").Attribute("Version")!.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "nswag.msbuild", version, "tools", "Net100");
    }

    public static IEnumerable<TestCaseData> Overrides() =>
        JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", "nswag", "upstream-templates.json"))).Properties()
            .Select(p => new TestCaseData(p.Name, (string)p.Value["assembly"]!, (string)p.Value["resource"]!, (string)p.Value["sha256"]!)
                .SetName($"build/nswag/{p.Name} was written against the NSwag.MSBuild version in use"));

    [TestCaseSource(nameof(Overrides))]
    public void The_replaced_upstream_template_is_the_one_ours_was_written_against(string template, string assembly, string resource, string sha256)
    {
        Assert.That(File.Exists(Path.Combine(RepositoryPaths.Root, "build", "nswag", template)), Is.True, $"build/nswag/{template} is listed but missing");
        var context = new AssemblyLoadContext($"nswag-{template}", isCollectible: true);
        try
        {
            var loaded = context.LoadFromAssemblyPath(Path.Combine(NSwagToolsFolder(), assembly));
            using var stream = loaded.GetManifestResourceStream(resource);
            Assert.That(stream, Is.Not.Null, $"{assembly} no longer embeds {resource}: NSwag renamed or dropped the template build/nswag/{template} replaces");
            var actual = Convert.ToHexString(SHA256.HashData(stream!)).ToLowerInvariant();
            Assert.That(actual, Is.EqualTo(sha256),
                $"NSwag's {resource} changed: review its diff, carry it into build/nswag/{template}, then update upstream-templates.json");
        }
        finally
        {
            context.Unload();
        }
    }
}
