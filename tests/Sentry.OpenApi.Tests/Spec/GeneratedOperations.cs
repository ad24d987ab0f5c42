using System.Reflection;
using Sentry.OpenApi.Http;

namespace Sentry.OpenApi.Tests.Spec;

/// <summary>The operation descriptors the templates compiled into the library: what NSwag named each operation.</summary>
internal static class GeneratedOperations
{
    public static IReadOnlyList<SentryOperation> All() =>
        typeof(SentryApiClient).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SentryClientBase)))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.FieldType == typeof(SentryOperation))
            .Select(f => (SentryOperation)f.GetValue(null)!)
            .ToList();
}
