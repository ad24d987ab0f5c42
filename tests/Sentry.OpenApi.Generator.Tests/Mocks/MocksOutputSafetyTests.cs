namespace Sentry.OpenApi.Generator.Tests.Mocks;

/// <summary>
/// `mocks --out` never crashes on a folder it cannot use and never destroys files it did not write:
/// one <c>error:</c> line, exit 2, and whatever was there before left as it was.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class MocksOutputSafetyTests
{
    private TemporaryDirectory _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = new TemporaryDirectory();

    [TearDown]
    public void RemoveFolder() => _dir.Dispose();

    private static void AssertOneErrorLine(ToolRun run, string mentions)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.ToString());
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain(mentions), run.ToString());
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);

    [Test]
    public async Task Mocks_into_a_read_only_folder_is_an_error_and_leaves_the_folder_as_it_was()
    {
        var sandbox = Path.Combine(_dir.Path, "sandbox");
        Assert.That((await ToolRun.RunAsync("mocks", "--out", sandbox)).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var before = Snapshot(sandbox);

        ToolRun run;
        using (ReadOnlyFolder.Make(sandbox))
        {
            run = await ToolRun.RunAsync("mocks", "--out", sandbox);
        }

        AssertOneErrorLine(run, sandbox);
        Assert.That(Snapshot(sandbox), Is.EquivalentTo(before), "the previous output is whole");
    }

    [Test]
    public async Task Mocks_into_a_folder_under_a_file_is_an_error_naming_the_file()
    {
        var file = _dir.Write("notes.txt", "not a folder");

        var run = await ToolRun.RunAsync("mocks", "--out", Path.Combine(file, "sandbox"));

        AssertOneErrorLine(run, "notes.txt is a file");
        Assert.That(File.ReadAllText(file), Is.EqualTo("not a folder"));
    }

    [Test]
    public async Task Mocks_where_index_md_is_a_folder_is_an_error_and_leaves_the_previous_mappings_whole()
    {
        var sandbox = Path.Combine(_dir.Path, "sandbox");
        Assert.That((await ToolRun.RunAsync("mocks", "--out", sandbox)).ExitCode, Is.EqualTo(ExitCodes.Ok));
        File.Delete(Path.Combine(sandbox, "index.md"));
        Directory.CreateDirectory(Path.Combine(sandbox, "index.md"));
        await File.WriteAllTextAsync(Path.Combine(sandbox, "mappings", "Previous--run.json"), "{}");
        var before = Snapshot(sandbox);

        var run = await ToolRun.RunAsync("mocks", "--out", sandbox);

        AssertOneErrorLine(run, "index.md");
        Assert.That(Snapshot(sandbox), Is.EquivalentTo(before), "the previous output set is whole, mappings/ included");
        Assert.That(Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "sandbox" }), "no temp folders left beside it");
    }

    [Test]
    public async Task Mocks_refuses_a_folder_of_recordings_it_did_not_write()
    {
        var rec = Path.Combine(_dir.Path, "rec");
        var recorded = _dir.Write(Path.Combine("rec", "mappings", "recorded-organization.json"), """{"request":{"method":"GET","url":"/api/0/organizations/acme/"},"response":{"status":200}}""");

        var run = await ToolRun.RunAsync("mocks", "--out", rec);

        AssertOneErrorLine(run, "--force");
        Assert.That(File.Exists(recorded), Is.True, "the user's recording is still there");
        Assert.That(Directory.GetFiles(Path.Combine(rec, "mappings")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Mocks_with_force_replaces_a_folder_it_did_not_write()
    {
        var rec = Path.Combine(_dir.Path, "rec");
        var recorded = _dir.Write(Path.Combine("rec", "mappings", "recorded-organization.json"), "{}");

        var run = await ToolRun.RunAsync("mocks", "--out", rec, "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(File.Exists(recorded), Is.False);
        Assert.That(Directory.GetFiles(Path.Combine(rec, "mappings")), Is.Not.Empty);
    }
}
