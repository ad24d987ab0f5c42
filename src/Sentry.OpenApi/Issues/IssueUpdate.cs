using Newtonsoft.Json;
using Sentry.OpenApi.Serialization;

namespace Sentry.OpenApi;

// Unassigning: Sentry's issue update takes `"assignedTo": null` (and also `""`) to clear the assignee.
// Generated request properties skip nulls, so the body opts into explicit nulls.
[JsonConverter(typeof(ExplicitNullsConverter))]
public partial class IssueUpdate : ISentryExplicitNulls
{
    /// <inheritdoc />
    [JsonIgnore]
    public ISet<string> ExplicitNulls { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>An update that clears the issue's assignee: sends exactly <c>{"assignedTo": null}</c>.</summary>
    public static IssueUpdate Unassign() => new IssueUpdate().WithNull(u => u.AssignedTo);
}
