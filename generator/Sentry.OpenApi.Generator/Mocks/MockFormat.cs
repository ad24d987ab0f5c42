namespace Sentry.OpenApi.Generator.Mocks;

/// <summary>The mapping formats `mocks` writes.</summary>
public enum MockFormat
{
    /// <summary>WireMock.Net's <c>MappingModel</c> JSON (the default; what the sandbox command serves).</summary>
    WireMockNet,

    /// <summary>Java WireMock's mapping JSON, for users of the Java server.</summary>
    Java,
}
