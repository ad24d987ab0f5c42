namespace Sentry.OpenApi.Generator.Tests.Mocks;

/// <summary>
/// Makes a folder read-only until disposed: without write permission for an ordinary user, and
/// immutable (<c>chattr +i</c>) for root, whom permissions do not stop.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    private ReadOnlyFolder(string path, UnixFileMode mode, bool immutable)
    {
        _path = path;
        _mode = mode;
        _immutable = immutable;
    }

    public static ReadOnlyFolder Make(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("read-only folders are made with Unix file modes or chattr");
        }

        var mode = File.GetUnixFileMode(path);
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            return new ReadOnlyFolder(path, mode, immutable: false);
        }

        var chattr = ExternalProcess.RunAsync("chattr", ["+i", path], TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        if (chattr.ExitCode != 0)
        {
            // A test that cannot make its read-only folder fails: it never passes or skips quietly.
            Assert.Fail($"running as root and this file system cannot make {path} immutable (chattr +i), so the read-only case cannot be shown: {chattr}");
        }

        return new ReadOnlyFolder(path, mode, immutable: true);
    }

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (_immutable)
        {
            ExternalProcess.RunAsync("chattr", ["-i", _path], TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        }
        else
        {
            File.SetUnixFileMode(_path, _mode);
        }
    }
}
