namespace Sentry.OpenApi.Generator.Tests.Build;

/// <summary>
/// build/bundle-spec.mjs, the build's lint-and-bundle step: a broken spec fails naming the file and
/// line, and the previous bundle (so the previous generated client) stays in place.
/// </summary>
[Category("Build")]
public sealed class SpecBundlingTests
{
    private string _spec = null!;
    private string _out = null!;

    [SetUp]
    public void CopyTheSpec()
    {
        var root = Directory.CreateTempSubdirectory("sentry-spec-").FullName;
        _spec = Path.Combine(root, "spec");
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "spec"), _spec);
        _out = Path.Combine(root, "out");
        Directory.CreateDirectory(_out);
        File.WriteAllText(Path.Combine(_out, "sentry-api.json"), "previous bundle");
    }

    private Task<ExternalProcess> Bundle() =>
        ExternalProcess.RunAsync("node",
            ["build/bundle-spec.mjs", Path.Combine(_spec, "openapi.yaml"), Path.Combine(_out, "sentry-api.json"), Path.Combine(_out, "sentry-api.yaml")],
            TimeSpan.FromMinutes(2));

    [Test]
    public async Task Malformed_yaml_fails_naming_the_file_and_line_and_keeps_the_previous_bundle()
    {
        var file = Path.Combine(_spec, "paths", "projects.yaml");
        var lines = File.ReadAllLines(file).Length;
        File.AppendAllText(file, "  broken: [unclosed\n");

        var run = await Bundle();

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Output, Does.Match($@"projects\.yaml\(({lines + 1}|{lines + 2}),\d+\): error"), run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_out, "sentry-api.json")), Is.EqualTo("previous bundle"));
    }

    [Test]
    public async Task A_dangling_ref_fails_naming_the_file_and_line_and_keeps_the_previous_bundle()
    {
        var file = Path.Combine(_spec, "paths", "projects.yaml");
        var text = File.ReadAllText(file);
        var line = text[..text.IndexOf("Cursor.yaml", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        File.WriteAllText(file, text.Replace("Cursor.yaml", "Cursr.yaml"));

        var run = await Bundle();

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Output, Does.Contain($"projects.yaml({line},").And.Contain("error no-unresolved-refs").And.Contain("Cursr.yaml"), run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_out, "sentry-api.json")), Is.EqualTo("previous bundle"));
    }

    [Test]
    public async Task An_example_that_contradicts_its_schema_fails_the_lint()
    {
        var file = Path.Combine(_spec, "components", "examples", "OrganizationList.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("isEarlyAdopter: false", "isEarlyAdopter: \"no\""));

        var run = await Bundle();

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Output, Does.Contain("OrganizationList.yaml(").And.Contain("no-invalid-media-type-examples"), run.ToString());
    }

    [Test]
    public async Task A_valid_spec_bundles_to_json_yaml_and_the_api_reference()
    {
        var run = await Bundle();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_out, "sentry-api.json")), Does.StartWith("{"));
        Assert.That(File.Exists(Path.Combine(_out, "index.html")), Is.True);
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.EquivalentTo(new[] { "sentry-api.json", "sentry-api.yaml", "index.html" }), "no temp files left");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
