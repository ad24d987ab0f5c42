using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// What Microsoft.OpenApi itself says about the bundle: the diagnostics of reading it, then its
/// default validation rule set (errors and warnings), each as a finding.
/// </summary>
internal static class OpenApiDiagnostics
{
    public static async Task<IReadOnlyList<Finding>> CheckAsync(BundleDocument bundle, CancellationToken cancellationToken)
    {
        ReadResult result;
        try
        {
            await using var stream = File.OpenRead(bundle.Path);
            // Reading would also run the default rules; they run below, once, so each finding appears once.
            var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
            result = await OpenApiDocument.LoadAsync(stream, "json", settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or OpenApiException)
        {
            throw new SpecInputException($"{bundle.Path}: cannot be read as an OpenAPI document ({e.Message}).", e);
        }

        if (result.Document is null)
        {
            var first = result.Diagnostic?.Errors.FirstOrDefault();
            throw new SpecInputException($"{bundle.Path}: not an OpenAPI document{(first is null ? "" : $" ({Pointer(first.Pointer)}: {first.Message})")}.");
        }

        var findings = new List<Finding>();
        var rule = ValidationRules.OpenApiRead;
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            findings.Add(At(bundle, rule, error.Pointer, error.Message, Severity.Error));
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? [])
        {
            findings.Add(At(bundle, rule, warning.Pointer, warning.Message, Severity.Warning));
        }

        var validator = new OpenApiValidator(ValidationRuleSet.GetDefaultRuleSet());
        new OpenApiWalker(validator).Walk(result.Document);
        foreach (var error in validator.Errors)
        {
            var name = (error as OpenApiValidatorError)?.RuleName;
            findings.Add(At(bundle, ValidationRules.OpenApiRule, error.Pointer, name is null ? error.Message : $"[{name}] {error.Message}", Severity.Error));
        }

        foreach (var warning in validator.Warnings)
        {
            var name = (warning as OpenApiValidatorWarning)?.RuleName;
            findings.Add(At(bundle, ValidationRules.OpenApiRule, warning.Pointer, name is null ? warning.Message : $"[{name}] {warning.Message}", Severity.Warning));
        }

        return findings;
    }

    private static Finding At(BundleDocument bundle, ValidationRule rule, string? pointer, string message, Severity severity)
    {
        var at = Pointer(pointer);
        return rule.At(at, message, bundle.OperationContaining(at), severity);
    }

    // Microsoft.OpenApi writes pointers as "#/paths/~1x/get" or "/paths/..."; findings use "#/...".
    private static string Pointer(string? pointer) =>
        string.IsNullOrEmpty(pointer) ? JsonPointers.Root : pointer.StartsWith('#') ? pointer : "#" + (pointer.StartsWith('/') ? pointer : "/" + pointer);
}
