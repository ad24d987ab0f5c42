using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

/// <summary>Sentry response bodies for the fake, shaped as Sentry sends them (only the fields the tests look at).</summary>
public static class Samples
{
    public static JObject Issue(string id, string title = "TypeError: x is undefined", string status = "unresolved") => new()
    {
        ["id"] = id,
        ["shortId"] = $"WEB-{id}",
        ["title"] = title,
        ["culprit"] = "app/views.py in handler",
        ["permalink"] = $"https://acme.sentry.io/issues/{id}/",
        ["level"] = "error",
        ["status"] = status,
        ["count"] = "150",
        ["userCount"] = 12,
        ["firstSeen"] = "2025-01-01T10:00:00Z",
        ["lastSeen"] = "2025-01-02T11:30:00Z",
        ["project"] = new JObject { ["id"] = "42", ["name"] = "Web", ["slug"] = "web" },
        ["assignedTo"] = null,
    };

    public static string Issues(params string[] ids) => new JArray(ids.Select(id => Issue(id))).ToString();

    /// <summary>An error event whose chain, oldest first as Sentry sends it, is a KeyError that led to a ValueError.</summary>
    public static JObject Event(string eventId = "9fac2ceed9344f2bbfdd1fdacb0ed9b1") => new()
    {
        ["id"] = eventId,
        ["eventID"] = eventId,
        ["groupID"] = "1",
        ["title"] = "ValueError: bad input",
        ["message"] = "",
        ["platform"] = "python",
        ["dateCreated"] = "2025-01-02T11:30:00Z",
        ["entries"] = new JArray
        {
            new JObject
            {
                ["type"] = "exception",
                ["data"] = new JObject
                {
                    ["values"] = new JArray
                    {
                        Exception("KeyError", "'user'", Frame("dict_get", "lib/compat.py", 10, inApp: false), Frame("load_user", "app/users.py", 21, inApp: true)),
                        Exception("ValueError", "bad input",
                            Frame("main", "app/main.py", 5, inApp: true),
                            Frame("dispatch", "django/core/handlers.py", 200, inApp: false),
                            Frame("handler", "app/views.py", 42, inApp: true),
                            Frame("validate", "app/forms.py", 7, inApp: true),
                            Frame("clean", "django/forms.py", 88, inApp: false)),
                    },
                },
            },
            new JObject { ["type"] = "breadcrumbs", ["data"] = new JObject { ["values"] = new JArray() } },
        },
    };

    public static string Events(params string[] ids) => new JArray(ids.Select(id => Event(id))).ToString();

    public static JObject TagValue(string value, long count) => new()
    {
        ["key"] = "browser",
        ["name"] = value,
        ["value"] = value,
        ["count"] = count,
        ["firstSeen"] = "2025-01-01T10:00:00Z",
        ["lastSeen"] = "2025-01-02T11:30:00Z",
    };

    public static JObject Project(string id, string slug) => new()
    {
        ["id"] = id,
        ["slug"] = slug,
        ["name"] = slug.ToUpperInvariant(),
        ["platform"] = "python",
        ["dateCreated"] = "2024-05-01T09:00:00Z",
        ["status"] = "active",
    };

    public static JObject Organization() => new()
    {
        ["id"] = "7",
        ["slug"] = "acme",
        ["name"] = "Acme Inc.",
        ["dateCreated"] = "2020-01-01T00:00:00Z",
        ["status"] = new JObject { ["id"] = "active", ["name"] = "active" },
        ["links"] = new JObject { ["organizationUrl"] = "https://acme.sentry.io", ["regionUrl"] = "https://de.sentry.io" },
        ["orgRole"] = "manager",
    };

    private static JObject Exception(string type, string value, params JObject[] frames) => new()
    {
        ["type"] = type,
        ["value"] = value,
        ["stacktrace"] = new JObject { ["frames"] = new JArray(frames) },
    };

    private static JObject Frame(string function, string filename, int line, bool inApp) => new()
    {
        ["function"] = function,
        ["filename"] = filename,
        ["lineNo"] = line,
        ["inApp"] = inApp,
    };
}
