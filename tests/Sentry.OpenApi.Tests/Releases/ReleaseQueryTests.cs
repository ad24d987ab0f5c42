using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Releases;

/// <summary>
/// Release health is asked for the way Sentry reads it: <c>health=1</c> (a boolean's <c>true</c> would turn
/// nothing on), with the health sorts, which Sentry refuses without <c>flatten=1</c>.
/// </summary>
public sealed class ReleaseQueryTests
{
    [Test]
    public async Task A_release_list_sorted_by_crash_free_sessions_sends_health_and_flatten_as_1()
    {
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport);

        await client.Releases.ListOrganizationReleasesAsync("acme", new ListOrganizationReleasesOptions
        {
            Health = QueryFlag.On,
            Flatten = QueryFlag.On,
            Sort = ReleaseSortValues.CrashFreeSessions,
            SummaryStatsPeriod = "7d",
            Project = [2],
        });

        var query = Uri.UnescapeDataString(transport.Requests.Single().Request.RequestUri!.Query.TrimStart('?')).Split('&');
        Assert.That(query, Is.SupersetOf(new[] { "health=1", "flatten=1", "sort=crash_free_sessions", "summaryStatsPeriod=7d", "project=2" }),
            "ListOrganizationReleases: health, flatten, sort, summaryStatsPeriod, project");
    }

    [Test]
    public async Task One_release_with_health_for_one_project_sends_both()
    {
        var transport = StubTransport.Json("""{"version":"1.0.0"}""");
        using var client = TestClients.Create(transport);

        await client.Releases.RetrieveReleaseAsync("acme", "1.0.0", new RetrieveReleaseOptions { Project = 2, Health = QueryFlag.On });

        var query = Uri.UnescapeDataString(transport.Requests.Single().Request.RequestUri!.Query.TrimStart('?')).Split('&');
        Assert.That(query, Is.SupersetOf(new[] { "project=2", "health=1" }), "RetrieveRelease: project, health");
    }
}
