using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;

namespace Sentry.OpenApi;

/// <summary>
/// A request body that can send chosen properties as JSON <c>null</c>. Request bodies carry only the
/// properties that are set (Sentry's updates change only what is submitted), so an unset property and
/// a null one would otherwise be the same; this names the properties to clear on purpose.
/// </summary>
public interface ISentryExplicitNulls
{
    /// <summary>The JSON names of the properties sent as <c>null</c>.</summary>
    ISet<string> ExplicitNulls { get; }
}

/// <summary>Marks properties of a request body to be sent as <c>null</c>.</summary>
public static class SentryExplicitNullExtensions
{
    /// <summary>Sends <paramref name="property"/> as JSON <c>null</c>, e.g. <c>update.WithNull(u =&gt; u.AssignedTo)</c>.</summary>
    public static T WithNull<T>(this T body, Expression<Func<T, object?>> property)
        where T : ISentryExplicitNulls
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(property);
        var expression = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
        if (expression is not MemberExpression { Member: PropertyInfo member })
        {
            throw new ArgumentException($"Expected a property of {typeof(T).Name}, like x => x.Name; got {property}.", nameof(property));
        }

        body.ExplicitNulls.Add(member.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? member.Name);
        return body;
    }
}
