using Sentry.OpenApi.ContractTests.Infrastructure;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>How a contract case calls the client: one implementation per way of making the call.</summary>
public interface IContractCall
{
    /// <summary>Calls <paramref name="contract"/>'s operation with its arguments; returns the typed result (null for no content).</summary>
    Task<object?> CallAsync(SentryApiClient client, ContractCase contract, CancellationToken cancellationToken);
}

/// <summary>
/// The call each case makes. Today every case goes through <see cref="ReflectionContractCall"/>;
/// compiled calls generated from the spec (issue 11, item 3) replace it by registering here per case name.
/// </summary>
public static class ContractCalls
{
    public static IContractCall For(ContractCase contract) => ReflectionContractCall.Instance;
}

/// <summary>Finds <c>client.&lt;Tag&gt;.&lt;OperationId&gt;Async</c> by reflection and passes the case's arguments by name.</summary>
public sealed class ReflectionContractCall : IContractCall
{
    public static readonly ReflectionContractCall Instance = new();

    public Task<object?> CallAsync(SentryApiClient client, ContractCase contract, CancellationToken cancellationToken) =>
        ClientInvoker.InvokeAsync(client, contract.Operation.Tag, contract.OperationId,
            contract.Arguments.ToDictionary(a => a.Name, a => a.Value), contract.RequestMediaType, contract.RequestBody, cancellationToken);
}
