extern alias SmokeLibrary;

using System.Reflection;
using System.Runtime.Versioning;
using Sentry.OpenApi;

// Sentry.Smoke.App <api root, e.g. http://127.0.0.1:PORT/api/0/> <organization slug> <project slug>
// Runs the README's usage code (IssueTriage) as compiled into this net8.0 app and as compiled into the
// netstandard2.0 library, then the package README's QuickStart, against the sandbox.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Sentry.Smoke.App <api root> <organization slug> <project slug>");
    return 2;
}

var baseUrl = new Uri(args[0]);
var (organization, project) = (args[1], args[2]);
var staleIssueIds = Enumerable.Range(1001, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

// Which build of the package this process runs: net8.0, or netstandard2.0 with SentryOpenApiAsset=netstandard2.0.
var library = typeof(SentryApiClient).Assembly;
Console.WriteLine($"Sentry.OpenApi {library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion} built for {library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName}");

Console.WriteLine("== README code compiled into the net8.0 app");
using (var sentry = IssueTriage.CreateClient(baseUrl, "smoke-token"))
{
    await IssueTriage.RunAsync(sentry, organization, project, staleIssueIds, Console.Out);
}

Console.WriteLine("== README code compiled into the netstandard2.0 library");
using (var sentry = SmokeLibrary::IssueTriage.CreateClient(baseUrl, "smoke-token"))
{
    await SmokeLibrary::IssueTriage.RunAsync(sentry, organization, project, staleIssueIds, Console.Out);
}

Console.WriteLine("== package README code (netstandard2.0 library)");
await SmokeLibrary::QuickStart.PrintUnresolvedIssuesAsync(new SentryApiClientOptions { BaseUrl = baseUrl, AuthToken = "smoke-token" }, organization, Console.Out);

Console.WriteLine("== done");
return 0;
