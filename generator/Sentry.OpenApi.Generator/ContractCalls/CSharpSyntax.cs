using System.CodeDom;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CSharp;

namespace Sentry.OpenApi.Generator.ContractCalls;

/// <summary>Spelling of names and literals in the C# the tool writes: CodeDom's rules for identifiers and types, JSON's escapes for strings.</summary>
internal static class CSharpSyntax
{
    private static readonly CSharpCodeProvider Provider = new();

    /// <summary>A name from the compiled assembly, escaped when it is a keyword (<c>event</c> → <c>@event</c>).</summary>
    public static string Identifier(string name) => Provider.CreateEscapedIdentifier(name);

    /// <summary>A fully qualified type name (<c>global::Sentry.OpenApi.IssueSort</c>, <c>long</c>, <c>global::System.Collections.Generic.IEnumerable&lt;string&gt;</c>).</summary>
    public static string Type(Type type) => Provider.GetTypeOutput(new CodeTypeReference(type, CodeTypeReferenceOptions.GlobalReference));

    /// <summary>
    /// A regular string literal with exactly the value <paramref name="text"/>: printable ASCII as it is (quote and
    /// backslash escaped), every other character as <c>\uXXXX</c>, so no control character, line separator
    /// (C# reads U+2028 as a line break) or lone surrogate reaches the source as such.
    /// </summary>
    public static string String(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                >= ' ' and <= '~' => literal.Append(c),
                _ => literal.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
            };
        }

        return literal.Append('"').ToString();
    }

    /// <summary>A name made of the letters and digits of <paramref name="parts"/>, each part capitalized: <c>("RetrieveIssueEvent", "no-content")</c> → <c>RetrieveIssueEventNoContent</c>.</summary>
    public static string PascalName(params string[] parts)
    {
        var name = new StringBuilder();
        foreach (var word in parts.SelectMany(p => Regex.Split(p, "[^A-Za-z0-9]+")))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, 'N');
        }

        return name.ToString();
    }

    public static string Number(IFormattable value, string suffix) => value.ToString(null, CultureInfo.InvariantCulture) + suffix;
}
