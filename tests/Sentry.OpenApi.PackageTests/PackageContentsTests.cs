using System.IO.Compression;
using System.Reflection.Metadata;
using System.Xml.Linq;

namespace Sentry.OpenApi.PackageTests;

/// <summary>What <c>dotnet pack</c> puts in the packages (package validation already passed, or the pack failed).</summary>
[TestFixture]
public sealed class PackageContentsTests
{
    private static readonly string[] Frameworks = ["netstandard2.0", "net8.0"];

    [Test]
    public void LibraryPackageHasBothFrameworksWithXmlDocs()
    {
        using var package = ZipFile.OpenRead(PackedPackages.LibraryPackage);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        foreach (var framework in Frameworks)
        {
            Assert.That(entries, Does.Contain($"lib/{framework}/Sentry.OpenApi.dll").And.Contain($"lib/{framework}/Sentry.OpenApi.xml"),
                $"{PackedPackages.LibraryPackage} should carry the {framework} build with its XML docs");
        }
    }

    [Test]
    public void LibraryPackageCarriesTheBuildsBundledSpec()
    {
        using var package = ZipFile.OpenRead(PackedPackages.LibraryPackage);
        foreach (var name in new[] { "sentry-api.json", "sentry-api.yaml" })
        {
            var entry = package.GetEntry($"spec/{name}");
            Assert.That(entry, Is.Not.Null, $"{PackedPackages.LibraryPackage} has no spec/{name}");
            Assert.That(Bytes(entry!), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "artifacts", "spec", name))),
                $"spec/{name} in the package differs from the build's bundle artifacts/spec/{name}");
        }
    }

    [Test]
    public void LibraryPackageReadmeIsTheConsumerReadme()
    {
        using var package = ZipFile.OpenRead(PackedPackages.LibraryPackage);
        var nuspec = Nuspec(package);
        Assert.That(Metadata(nuspec, "readme"), Is.EqualTo("README.md"));
        Assert.That(Bytes(package.GetEntry("README.md")!), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "Sentry.OpenApi", "PACKAGE.md"))),
            "the package README should be src/Sentry.OpenApi/PACKAGE.md (the repository README is for contributors)");
    }

    [Test]
    public void LibraryPackageWarnsTrimmedAndAotConsumersAtBuildTime()
    {
        using var package = ZipFile.OpenRead(PackedPackages.LibraryPackage);
        var targets = package.GetEntry("buildTransitive/Sentry.OpenApi.targets");
        Assert.That(targets, Is.Not.Null, "the package should import a buildTransitive targets file into consumers");
        Assert.That(System.Text.Encoding.UTF8.GetString(Bytes(targets!)), Does.Contain("SENTRYOPENAPI001").And.Contain("Newtonsoft.Json"));
    }

    [TestCase("Sentry.OpenApi")]
    [TestCase("Sentry.OpenApi.Cli")]
    public void NuspecHasTheTaggedVersionAndNoLocalRepositoryPath(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackedPackages.Folder, $"{id}.{PackedPackages.Version}.nupkg"));
        var nuspec = Nuspec(package);
        Assert.That(Metadata(nuspec, "id"), Is.EqualTo(id));
        Assert.That(Metadata(nuspec, "version"), Is.EqualTo(PackedPackages.Version));
        var repository = nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == "repository");
        var url = (string?)repository?.Attribute("url");
        Assert.That(url is null || url.StartsWith("https://", StringComparison.Ordinal), Is.True,
            $"{id}'s nuspec repository url should be the https origin remote or absent, not a local path: '{url}'");
        Assert.That(nuspec.ToString(), Does.Not.Contain(RepositoryPaths.Root), $"{id}'s nuspec names the build's clone path");
        Assert.That(Metadata(nuspec, "projectUrl"), Is.EqualTo(url is null ? null : url.EndsWith(".git", StringComparison.Ordinal) ? url[..^4] : url));
    }

    [Test]
    public void SymbolPackageHasPortablePdbsWithClonePathFreeDocuments()
    {
        using var symbols = ZipFile.OpenRead(PackedPackages.LibrarySymbols);
        foreach (var framework in Frameworks)
        {
            var entry = symbols.GetEntry($"lib/{framework}/Sentry.OpenApi.pdb");
            Assert.That(entry, Is.Not.Null, $"{PackedPackages.LibrarySymbols} has no lib/{framework}/Sentry.OpenApi.pdb");
            using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Bytes(entry!)));
            var reader = pdb.GetMetadataReader();
            var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
            Assert.That(documents, Has.Some.EqualTo("/_/src/Sentry.OpenApi/SentryApiClient.cs"), $"{framework}: sources should be mapped to /_/");
            Assert.That(documents.Where(d => d.Contains(RepositoryPaths.Root, StringComparison.Ordinal)), Is.Empty, $"{framework}: PDB documents name the clone path");
        }
    }

    [Test]
    public void ToolPackageIsTheSentryApiDotnetTool()
    {
        using var package = ZipFile.OpenRead(PackedPackages.ToolPackage);
        var settings = package.Entries.SingleOrDefault(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.That(settings, Is.Not.Null, $"{PackedPackages.ToolPackage} is not a dotnet tool package");
        var command = XDocument.Load(settings!.Open()).Descendants("Command").Single();
        Assert.That((string?)command.Attribute("Name"), Is.EqualTo("sentry-api"));
        Assert.That(Nuspec(package).Descendants().Any(e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool"), Is.True);
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Metadata(XDocument nuspec, string name) =>
        nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
