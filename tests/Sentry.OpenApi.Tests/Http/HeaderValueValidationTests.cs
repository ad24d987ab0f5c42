using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Http;

/// <summary>Every header value the client builds from its options is checked when the client is made, never at send time.</summary>
public sealed class HeaderValueValidationTests
{
    [TestCase("my-tool/1.0\r\nX-Injected: 1", TestName = "A user agent with CR LF")]
    [TestCase("my-tool/1.0\nX-Injected: 1", TestName = "A user agent with a bare LF")]
    [TestCase("my-tool/1.0\rX-Injected: 1", TestName = "A user agent with a bare CR")]
    [TestCase("my-tool/1.0\0", TestName = "A user agent with NUL")]
    [TestCase("my-tool/1.0\u007f", TestName = "A user agent with DEL")]
    [TestCase("my-tool/1.0\u0085", TestName = "A user agent with NEL")]
    [TestCase("my-tool/\u00e9t\u00e9", TestName = "A user agent with non-ASCII letters")]
    public void A_user_agent_that_is_not_one_header_value_is_refused_when_the_client_is_made(string userAgent)
    {
        var transport = StubTransport.Json("[]");

        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(transport, o => o.UserAgent = userAgent).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("UserAgent"));
        Assert.That(error.Message, Does.Contain("SentryApiClientOptions.UserAgent"));
        Assert.That(transport.Requests, Is.Empty, "nothing was sent");
    }

    [Test]
    public void A_null_user_agent_is_refused_when_the_client_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(StubTransport.Json("[]"), o => o.UserAgent = null!).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("UserAgent"));
    }

    [Test]
    public void The_pipeline_alone_refuses_a_user_agent_with_a_line_break_too()
    {
        var options = new SentryApiClientOptions { AuthToken = TestClients.Token, UserAgent = "a\r\nX-Injected: 1" };

        var error = Assert.Throws<ArgumentException>(() => SentryApiClient.CreatePipeline(options, StubTransport.Json("[]")));

        Assert.That(error!.ParamName, Is.EqualTo("UserAgent"));
    }

    [Test]
    public async Task A_user_agent_with_products_and_comments_is_sent_as_written()
    {
        const string userAgent = "my-tool/1.2 (build 7; +https://example.com/bot) dotnet/10";
        var transport = StubTransport.Json("[]");
        using var client = TestClients.Create(transport, o => o.UserAgent = userAgent);

        await client.Organizations.ListOrganizationsAsync();

        Assert.That(transport.Requests.Single().Request.Headers.UserAgent.ToString(), Is.EqualTo(userAgent));
    }

    [TestCase("sntrys_secret\r\nX-Injected: 1")]
    [TestCase("sntrys_secret\nvalue")]
    [TestCase("sntrys_secret\u0000value")]
    [TestCase("sntrys_secret value")]
    [TestCase("sntrys_secret\u00e9value")]
    public void An_auth_token_that_is_not_one_word_is_refused_naming_the_option_but_never_showing_the_token(string token)
    {
        var transport = StubTransport.Json("[]");

        var error = Assert.Throws<ArgumentException>(() => new SentryApiClient(new SentryApiClientOptions { AuthToken = token }, transport).Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("AuthToken"));
        Assert.That(error.Message, Does.Contain("SentryApiClientOptions.AuthToken").And.Not.Contain("sntrys_secret"));
        Assert.That(error.ToString(), Does.Not.Contain("sntrys_secret"));
        Assert.That(transport.Requests, Is.Empty);
    }

    [Test]
    public void Options_print_a_user_agent_with_control_characters_escaped_so_a_log_line_stays_one_line()
    {
        var options = new SentryApiClientOptions { UserAgent = "a\r\nX-Injected: 1" };

        Assert.That(options.ToString(), Does.Not.Contain("\r").And.Not.Contain("\n").And.Contain(@"a\r\nX-Injected: 1"));
    }
}
