namespace Sentry.OpenApi.Tests.Pagination;

public sealed class SentryLinkHeaderTests
{
    private const string Url = "https://sentry.io/api/0/organizations/acme/issues/";

    public static IEnumerable<TestCaseData> WellFormed()
    {
        TestCaseData Case(string name, string header, string? previousCursor, bool hasPrevious, string? nextCursor, bool hasNext) =>
            new TestCaseData(header, previousCursor, hasPrevious, nextCursor, hasNext).SetName(name);

        yield return Case("Sentry's own shape: previous then next",
            $"<{Url}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <{Url}?cursor=0:100:0>; rel=\"next\"; results=\"true\"; cursor=\"0:100:0\"",
            "0:0:1", false, "0:100:0", true);
        yield return Case("Next before previous",
            $"<{Url}?cursor=0:100:0>; rel=\"next\"; results=\"true\"; cursor=\"0:100:0\", <{Url}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\"",
            "0:0:1", false, "0:100:0", true);
        yield return Case("No spaces at all",
            $"<{Url}?cursor=a>;rel=\"previous\";results=\"true\";cursor=\"a\",<{Url}?cursor=b>;rel=\"next\";results=\"true\";cursor=\"b\"",
            "a", true, "b", true);
        yield return Case("Line-folded across lines with tabs",
            $"<{Url}?cursor=1234:0:1>; rel=\"previous\"; results=\"false\",\r\n\t  <{Url}?cursor=5678:0:0>; rel=\"next\";\n results=\"true\"",
            "1234:0:1", false, "5678:0:0", true);
        yield return Case("results false means no next page whatever the URL says",
            $"<{Url}?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <{Url}?cursor=0:100:0>; rel=\"next\"; results=\"false\"; cursor=\"0:100:0\"",
            "0:0:1", false, "0:100:0", false);
        yield return Case("Cursor taken from the URL when the attribute is absent (the reference's example)",
            $"<{Url}?cursor=1234:0:1>; rel=\"previous\"; results=\"false\", <{Url}?cursor=5678:0:0>; rel=\"next\"; results=\"true\"",
            "1234:0:1", false, "5678:0:0", true);
        yield return Case("Unquoted attribute values",
            $"<{Url}?cursor=x>; rel=previous; results=false; cursor=x, <{Url}?cursor=y>; rel=next; results=true; cursor=y",
            "x", false, "y", true);
        yield return Case("Upper-case attribute names and values",
            $"<{Url}?cursor=x>; REL=\"PREVIOUS\"; RESULTS=\"FALSE\"; CURSOR=\"x\", <{Url}?cursor=y>; Rel=\"Next\"; Results=\"TRUE\"; Cursor=\"y\"",
            "x", false, "y", true);
        yield return Case("Only a next link",
            $"<{Url}?&cursor=1:100:0>; rel=\"next\"; results=\"true\"; cursor=\"1:100:0\"",
            null, false, "1:100:0", true);
        yield return Case("The legacy hashes page of the reference (000): both directions empty",
            "<https://sentry.io/api/0/issues/1/hashes/?&cursor=1:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"1:0:1\", <https://sentry.io/api/0/issues/1/hashes/?&cursor=1:100:0>; rel=\"next\"; results=\"false\"; cursor=\"1:100:0\"",
            "1:0:1", false, "1:100:0", false);
        yield return Case("An unknown rel and extra attributes are ignored",
            $"<{Url}?cursor=z>; rel=\"first\", <{Url}?cursor=y>; rel=\"next\"; results=\"true\"; cursor=\"y\"; title=\"page 2\"",
            null, false, "y", true);
        yield return Case("A comma inside a quoted value does not split links",
            $"<{Url}?cursor=y>; rel=\"next\"; results=\"true\"; cursor=\"y\"; title=\"a, b\"",
            null, false, "y", true);
        yield return Case("A backslash-escaped quote inside a quoted value",
            $"<{Url}?cursor=y>; rel=\"next\"; results=\"true\"; cursor=\"a\\\"b\"",
            null, false, "a\"b", true);
        yield return Case("A repeated attribute: the last one counts",
            $"<{Url}?cursor=y>; rel=\"previous\"; rel=\"next\"; results=\"false\"; results=\"true\"; cursor=\"y\"",
            null, false, "y", true);
        yield return Case("Empty header means a single page", "   ", null, false, null, false);
    }

    [TestCaseSource(nameof(WellFormed))]
    public void Parses_the_previous_and_next_cursors(string header, string? previousCursor, bool hasPrevious, string? nextCursor, bool hasNext)
    {
        var links = SentryLinkHeader.Parse(header);

        Assert.That(links.Previous?.Cursor, Is.EqualTo(previousCursor), "previous cursor");
        Assert.That(links.HasPrevious, Is.EqualTo(hasPrevious), "has previous");
        Assert.That(links.Next?.Cursor, Is.EqualTo(nextCursor), "next cursor");
        Assert.That(links.HasNext, Is.EqualTo(hasNext), "has next");
    }

    [TestCase("https://sentry.io/x/; rel=\"next\"", "expected '<'", TestName = "A URL without angle brackets is malformed")]
    [TestCase("<https://sentry.io/x/; rel=\"next\"", "missing '>'", TestName = "An unterminated URL is malformed")]
    [TestCase("<https://sentry.io/x/>; rel=\"next", "unterminated quoted value", TestName = "An unterminated quote is malformed")]
    [TestCase("<https://sentry.io/x/>; results=\"true\"", "no rel attribute", TestName = "A link without rel is malformed")]
    [TestCase("<not a url>; rel=\"next\"", "not an absolute URL", TestName = "A relative or invalid URL is malformed")]
    [TestCase("<https://sentry.io/x/> rel=\"next\"", "expected ';'", TestName = "Attributes without a semicolon are malformed")]
    public void A_malformed_header_gives_a_clear_error_naming_the_problem(string header, string problem)
    {
        var error = Assert.Throws<FormatException>(() => SentryLinkHeader.Parse(header));

        Assert.That(error!.Message, Does.Contain("Malformed Link header").And.Contain(problem).And.Contain("character"));
    }
}
