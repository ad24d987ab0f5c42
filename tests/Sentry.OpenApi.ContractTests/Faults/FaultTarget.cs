namespace Sentry.OpenApi.ContractTests.Faults;

/// <summary>The four kinds of call faults are injected into.</summary>
public enum FaultTarget
{
    Get,
    PaginatedGet,
    Put,
    Post,
}

/// <summary>The endpoints behind each <see cref="FaultTarget"/>, how to call them, and how a failure must look.</summary>
internal static class FaultTargets
{
    public const string Org = "the-interstellar-jurisdiction";
    public const string FirstPage = """[{"id":"1","title":"a"},{"id":"2","title":"b"}]""";
    public const string NextCursor = "0:2:0";
    public static readonly SentryRetryOptions FastRetries = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(20) };

    public static IEnumerable<FaultTarget> All => Enum.GetValues<FaultTarget>();

    public static (string Method, string Path, string OkBody) Endpoint(FaultTarget target) => target switch
    {
        FaultTarget.Get => ("GET", "/api/0/organizations/the-interstellar-jurisdiction/", """{"id":"7","slug":"the-interstellar-jurisdiction","name":"The Interstellar Jurisdiction"}"""),
        FaultTarget.PaginatedGet => ("GET", "/api/0/organizations/the-interstellar-jurisdiction/issues/", FirstPage),
        FaultTarget.Put => ("PUT", "/api/0/organizations/the-interstellar-jurisdiction/issues/1/", """{"id":"1","title":"TypeError","status":"resolved"}"""),
        _ => ("POST", "/api/0/organizations/the-interstellar-jurisdiction/teams/", """{"id":"5","slug":"ancient-gabelers","name":"Ancient Gabelers"}"""),
    };

    /// <summary>The first page's Link header: its next page (the faulty one) is <see cref="NextCursor"/> on the same origin.</summary>
    public static string FirstPageLink(Uri origin, string path)
    {
        var self = origin.AbsoluteUri.TrimEnd('/') + path;
        return $"<{self}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <{self}?cursor={NextCursor}>; rel=\"next\"; results=\"true\"; cursor=\"{NextCursor}\"";
    }

    /// <summary>Calls the target; for the paginated GET, walks all pages and returns how many items arrived.</summary>
    public static async Task<int> CallAsync(SentryApiClient client, FaultTarget target, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case FaultTarget.Get:
                await client.Organizations.RetrieveOrganizationAsync(Org, cancellationToken);
                return 1;
            case FaultTarget.PaginatedGet:
                var count = 0;
                await foreach (var _ in client.Issues.ListOrganizationIssuesAllAsync(Org, cancellationToken: cancellationToken))
                {
                    count++;
                }

                return count;
            case FaultTarget.Put:
                await client.Issues.UpdateIssueAsync(Org, "1", new IssueUpdate { Status = IssueUpdateStatus.Resolved }, cancellationToken);
                return 1;
            default:
                await client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" }, cancellationToken);
                return 1;
        }
    }

    /// <summary>How many attempts a failing call makes: one for a POST, one plus the retries otherwise.</summary>
    public static int ExpectedAttempts(FaultTarget target) => target == FaultTarget.Post ? 1 : 1 + FastRetries.MaxRetries;

    /// <summary>Asserts the failure is <typeparamref name="T"/> (for the paging walk: carrying how far the walk got after its 2 items).</summary>
    public static T AssertFails<T>(FaultTarget target, Exception? error)
        where T : Exception
    {
        if (target == FaultTarget.PaginatedGet)
        {
            var progress = error is SentryApiException api ? api.Paging : error?.Data["Sentry.OpenApi.Paging"] as SentryPagingProgress;
            Assert.That(progress, Is.EqualTo(new SentryPagingProgress("ListOrganizationIssues", 2, 1, NextCursor)), "how far the walk got, on the page's own exception");
        }

        Assert.That(error, Is.InstanceOf<T>(), $"{target}: {error}");
        return (T)error!;
    }

    /// <summary>Runs the call and returns what it threw (never a raw NRE or JSON reader exception), or null; a cancellation is caught only when asked.</summary>
    public static async Task<Exception?> CatchAsync(Func<Task> call, bool catchCancellation = false)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e) when (catchCancellation || e is not OperationCanceledException)
        {
            Assert.That(e, Is.Not.InstanceOf<NullReferenceException>().And.Not.InstanceOf<Newtonsoft.Json.JsonException>(), "never a raw NRE or JSON exception");
            return e;
        }
    }
}
