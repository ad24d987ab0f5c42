namespace Sentry.OpenApi.Generator.Validation;

/// <summary>How bad a finding is: errors fail the run (exit 1), warnings only inform.</summary>
internal enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// One problem in the bundled spec: which rule, where in the bundle (a JSON pointer such as
/// <c>#/components/examples/IssueList/value/0/status</c>), in which operation, and what is wrong.
/// </summary>
internal sealed record Finding(string RuleId, Severity Severity, string Pointer, string Message, BundleOperation? Operation = null)
{
    /// <summary>Where the finding came from in the split sources (or the bundle), filled in before printing.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The one-line form: <c>file:line: error RULE OperationId (METHOD path) #/pointer: message</c>.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var severity = Severity == Severity.Error ? "error" : "warning";
        var operation = Operation is null ? "" : $"{Operation.OperationId} ({Operation.Method} {Operation.Path}) ";
        return $"{where}{severity} {RuleId} {operation}{Pointer}: {Message}";
    }
}

/// <summary>A file and 1-based line (0 when only the file is known).</summary>
internal sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
