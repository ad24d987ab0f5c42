namespace Sentry.OpenApi;

// The generated clients call ProcessResponse before reading a body; starting a capture there lets a
// body that does not deserialize be reported with its operation, path and first bytes.

public partial class OrganizationsClient
{
    partial void ProcessResponse(HttpClient client, HttpResponseMessage response) => SentryResponseCapture.Begin(response);
}

public partial class ProjectsClient
{
    partial void ProcessResponse(HttpClient client, HttpResponseMessage response) => SentryResponseCapture.Begin(response);
}

public partial class IssuesClient
{
    partial void ProcessResponse(HttpClient client, HttpResponseMessage response) => SentryResponseCapture.Begin(response);
}
