using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

/// <summary>On a terminal (a host with a width) tables fit it; elsewhere nothing is cut. In-process only: a process's output is no terminal.</summary>
[CancelAfter(60_000)]
public sealed class TerminalWidthTests
{
    private const string LongTitle = "ConnectionError: the upstream payment service did not answer within 30 seconds while charging the card";

    [Test]
    public async Task OnATerminalTheLastColumnIsCutToTheWidth()
    {
        var (output, _) = await ListAsync(width: 80);

        var row = output.Split('\n')[1].TrimEnd('\r');
        Assert.That(row.Length, Is.EqualTo(79), "one column short of the width, so the terminal does not wrap: " + row);
        Assert.That(row, Does.EndWith("  ConnectionEr…"));
    }

    [Test]
    public async Task WithoutATerminalNothingIsCut()
    {
        var (output, _) = await ListAsync(width: null);

        Assert.That(output, Does.Contain(LongTitle));
    }

    private static async Task<(string Output, string Error)> ListAsync(int? width)
    {
        using var sentry = new FakeSentry();
        sentry.On("GET", "/api/0/organizations/acme/issues/", Reply.Ok(new JArray(Samples.Issue("1", LongTitle)).ToString()));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SentryCli.RunAsync(["issues", "list", "--org", "acme", "--base-url", sentry.BaseUrl, "--token", ToolTests.Token],
            new CliHost(output, error, _ => null) { Width = width });
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Ok), error.ToString());
        return (output.ToString(), error.ToString());
    }
}
