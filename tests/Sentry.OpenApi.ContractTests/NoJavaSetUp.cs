using System.Diagnostics;

namespace Sentry.OpenApi.ContractTests;

/// <summary>
/// The suite needs no Java. For the whole run, <c>java</c> on the test host's PATH is a tripwire: a
/// script that records how it was called and fails (exit 127), placed ahead of any real java, with
/// JAVA_HOME unset. Anything in the suite (or a process it starts, which inherits PATH) that looks for
/// java finds the tripwire; at the end of the run, a recorded call fails the suite.
/// </summary>
[SetUpFixture]
public sealed class NoJavaSetUp
{
    private static string? _bin;
    private static string? _previousPath;
    private static string? _previousJavaHome;

    /// <summary>The tripwire's folder (first on PATH) and its call log.</summary>
    internal static string TripwireBin => _bin ?? throw new InvalidOperationException("the java tripwire is not set up");

    internal static string TripwireLog => Path.Combine(TripwireBin, "java-calls.log");

    [OneTimeSetUp]
    public void PutATripwireWhereJavaWouldBe()
    {
        _bin = Directory.CreateTempSubdirectory("sentry-openapi-no-java-").FullName;
        var java = Path.Combine(_bin, "java");
        File.WriteAllText(java, $$"""
            #!/bin/sh
            # Tripwire of the Sentry.OpenApi contract tests: the suite must never start java.
            echo "java $*" >> "${SENTRY_OPENAPI_JAVA_TRIPWIRE_LOG:-{{Path.Combine(_bin, "java-calls.log")}}}"
            echo "java was started by the test suite (it must not need Java)" >&2
            exit 127

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(java, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _previousPath = Environment.GetEnvironmentVariable("PATH");
        _previousJavaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        Environment.SetEnvironmentVariable("PATH", _bin + Path.PathSeparator + _previousPath);
        Environment.SetEnvironmentVariable("JAVA_HOME", null);
    }

    [OneTimeTearDown]
    public void FailIfJavaWasStarted()
    {
        var calls = File.Exists(TripwireLog) ? File.ReadAllText(TripwireLog) : "";
        Environment.SetEnvironmentVariable("PATH", _previousPath);
        Environment.SetEnvironmentVariable("JAVA_HOME", _previousJavaHome);
        Directory.Delete(TripwireBin, recursive: true);
        _bin = null;
        if (calls.Length > 0)
        {
            throw new InvalidOperationException($"The suite started java, which it must not need:\n{calls}");
        }
    }
}
