namespace Sentry.OpenApi;

/// <summary>
/// The Sentry API: one property per API tag (<c>Issues</c>, <c>Projects</c>, <c>Releases</c>, ...; the
/// properties are generated from the spec), each a client with a method per operation. Implemented by
/// <see cref="SentryApiClient"/>; mock it (and the tag interfaces) in tests, or inject it where
/// <see cref="Microsoft.Extensions.DependencyInjection.SentryApiClientServiceCollectionExtensions.AddSentryApiClient"/> registered it.
/// </summary>
public partial interface ISentryApiClient
{
}
