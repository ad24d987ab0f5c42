using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sentry.OpenApi.ContractTests.Contract;

/// <summary>
/// The contract and replay cases call the client through <see cref="CompiledContractCalls"/>, which the build
/// wrote from the spec and the compiled library: one method per (operation, example), checked by the compiler.
/// Nothing in this assembly finds a client method or parameter by reflection.
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class CompiledCallsTests
{
    [Test]
    public void There_is_one_compiled_call_per_operation_example_of_the_spec_in_its_order()
    {
        var compiled = ContractCalls.All;

        Assert.That(compiled.Select(c => c.Name), Is.EqualTo(ContractCase.All.Select(c => c.Name)), "one compiled call per (operation, example) the test reads from the spec");
        Assert.That(compiled.Select(c => c.OperationId).Distinct(), Is.EquivalentTo(SpecOperations.All()), "every operation of the spec");
        TestContext.Out.WriteLine($"{compiled.Count} compiled calls for {SpecOperations.All().Count} operations");
    }

    [Test]
    public void Each_case_is_its_own_method_written_by_the_build()
    {
        var methods = ContractCalls.All.Select(c => c.CallAsync.Method).ToList();

        Assert.That(methods.Select(m => m.DeclaringType), Is.All.EqualTo(typeof(CompiledContractCalls)), "a method of the generated class, not a delegate built at run time");
        Assert.That(methods.Select(m => m.Name).Distinct().Count(), Is.EqualTo(methods.Count), "one method per case");
        Assert.That(CompiledContractCalls.WireCalls.Keys, Is.EquivalentTo(SpecOperations.All()), "every operation has a compiled call from wire values, for the replay cases");
    }

    [Test]
    public void Nothing_in_the_test_assembly_invokes_or_looks_up_a_method_by_reflection()
    {
        var assembly = typeof(CompiledCallsTests).Assembly;

        var references = MemberReferences(assembly.Location)
            .Where(r => (r.Type, r.Member) is ("System.Reflection.MethodBase", "Invoke") or ("System.Reflection.MethodInfo", "Invoke")
                or ("System.Type", "GetMethod") or ("System.Type", "GetMethods") or ("System.Type", "InvokeMember")
                or ("System.Reflection.MethodBase", "GetParameters") or ("System.Reflection.MethodInfo", "GetParameters"))
            .ToList();

        Assert.That(references, Is.Empty, "calls to the reflection API that the removed ClientInvoker used");
        Assert.That(assembly.GetTypes().Select(t => t.Name), Has.None.EqualTo("ClientInvoker").And.None.EqualTo("ReflectionContractCall"));
    }

    // Every method this assembly calls on another assembly's type, as (type, member).
    private static IEnumerable<(string Type, string Member)> MemberReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.MemberReferences)
        {
            var reference = metadata.GetMemberReference(handle);
            if (reference.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)reference.Parent);
                yield return ($"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}", metadata.GetString(reference.Name));
            }
        }
    }
}
