namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// The compiled calls the build wrote (<see cref="CompiledContractCalls"/>, from `sentry-openapi contract-calls`):
/// one method per (operation, example) with the example's values as typed, named arguments, and one per
/// operation taking wire values (for recordings). The compiler checked each against the library; nothing
/// here looks a method or parameter up at run time.
/// </summary>
public static class ContractCalls
{
    private static readonly Lazy<IReadOnlyDictionary<string, CompiledContractCalls.Case>> ByName =
        new(() => CompiledContractCalls.Cases.ToDictionary(c => c.Name, StringComparer.Ordinal));

    /// <summary>Every compiled case, in the spec's order.</summary>
    internal static IReadOnlyList<CompiledContractCalls.Case> All => CompiledContractCalls.Cases;

    /// <summary>Calls <paramref name="contract"/>'s operation with its example; returns the typed result (a page's items; null for no content).</summary>
    public static Task<object?> CallAsync(ISentryApiClient client, ContractCase contract, CancellationToken cancellationToken) =>
        ByName.Value.TryGetValue(contract.Name, out var compiled)
            ? compiled.CallAsync(client, cancellationToken)
            : throw new InvalidOperationException($"{contract.Name}: no compiled call; the build writes one per (operation, example) of the spec it read (is obj/Generated stale?).");

    /// <summary>Calls <paramref name="operationId"/> with wire values by spec name (a recording's path and query values).</summary>
    public static Task<object?> CallAsync(ISentryApiClient client, string operationId, IReadOnlyDictionary<string, IReadOnlyList<string>> values, CancellationToken cancellationToken) =>
        CompiledContractCalls.WireCalls.TryGetValue(operationId, out var call)
            ? call(client, values, cancellationToken)
            : throw new InvalidOperationException($"{operationId}: no compiled call from wire values.");
}
