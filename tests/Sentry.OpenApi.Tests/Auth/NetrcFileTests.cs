using Sentry.OpenApi.Auth;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Auth;

public sealed class NetrcFileTests
{
    private const string Path = "/home/me/.netrc";

    [Test]
    public void The_password_of_the_machine_entry_for_the_host_is_found() =>
        Assert.That(Parse("machine sentry.io login me password sntrys_abc\n").FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));

    [Test]
    public void Comments_run_from_a_hash_to_the_end_of_the_line()
    {
        var netrc = Parse("""
            # Sentry tokens
            machine sentry.io # SaaS password not_this
              login me
              password sntrys_abc   # rotated in January
            """);

        Assert.That(netrc.FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));
    }

    [Test]
    public void A_hash_inside_a_word_is_part_of_the_word() =>
        Assert.That(Parse("machine sentry.io password ab#cd").FindPassword("sentry.io"), Is.EqualTo("ab#cd"));

    [Test]
    public void Words_may_be_spread_over_lines_and_separated_by_any_whitespace()
    {
        var netrc = Parse("machine\nsentry.io\r\n\tlogin\n\n me password\n\nsntrys_abc\n");

        Assert.That(netrc.FindMachine("sentry.io"), Is.EqualTo(new NetrcEntry("sentry.io") { Login = "me", Password = "sntrys_abc" }));
    }

    [Test]
    public void Several_machines_each_keep_their_own_entry()
    {
        var netrc = Parse("""
            machine github.com login octo password ghp_1
            machine sentry.io login me password sntrys_saas account acme
            machine sentry.example.com login me password sntrys_self
            """);

        Assert.That(netrc.FindPassword("github.com"), Is.EqualTo("ghp_1"));
        Assert.That(netrc.FindMachine("sentry.io")!.Account, Is.EqualTo("acme"));
        Assert.That(netrc.FindPassword("sentry.io"), Is.EqualTo("sntrys_saas"));
        Assert.That(netrc.FindPassword("sentry.example.com"), Is.EqualTo("sntrys_self"));
        Assert.That(netrc.FindPassword("gitlab.com"), Is.Null);
    }

    [Test]
    public void The_first_of_two_entries_for_a_host_wins() =>
        Assert.That(Parse("machine sentry.io password first machine sentry.io password second").FindPassword("sentry.io"), Is.EqualTo("first"));

    [Test]
    public void Host_names_match_without_regard_to_case() =>
        Assert.That(Parse("machine Sentry.IO password sntrys_abc").FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));

    [Test]
    public void The_default_entry_answers_for_a_host_without_a_machine_entry()
    {
        var netrc = Parse("machine sentry.io password sntrys_saas\ndefault login anonymous password sntrys_default\n");

        Assert.That(netrc.FindPassword("sentry.example.com"), Is.EqualTo("sntrys_default"));
        Assert.That(netrc.FindPassword("sentry.io"), Is.EqualTo("sntrys_saas"));
        Assert.That(netrc.Default!.Login, Is.EqualTo("anonymous"));
    }

    [Test]
    public void A_matching_machine_without_a_password_ends_the_search_as_in_curl_and_the_default_is_not_used()
    {
        var netrc = Parse("machine sentry.io login me\ndefault login anonymous password sntrys_default\n");

        Assert.That(netrc.FindPassword("sentry.io"), Is.Null);
        Assert.That(netrc.FindPassword("sentry.example.com"), Is.EqualTo("sntrys_default"), "another host still gets the default");
    }

    [Test]
    public void A_later_machine_entry_with_a_password_does_not_fill_in_for_the_first_one_without() =>
        Assert.That(Parse("machine sentry.io login me\nmachine sentry.io password second").FindPassword("sentry.io"), Is.Null);

    [Test]
    public void A_macdef_body_is_skipped_up_to_the_next_blank_line()
    {
        var netrc = Parse("""
            machine ftp.example.com login me password ftp_secret
            macdef init
            cd /pub
            machine sentry.io password not_an_entry
            bye

            machine sentry.io password sntrys_abc
            """);

        Assert.That(netrc.Entries.Select(e => e.Machine), Is.EqualTo(new[] { "ftp.example.com", "sentry.io" }));
        Assert.That(netrc.FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));
    }

    [Test]
    public void A_macdef_at_the_end_of_the_file_needs_no_blank_line() =>
        Assert.That(Parse("machine sentry.io password sntrys_abc\nmacdef init\ncd /pub").FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));

    [Test]
    public void A_quoted_value_may_contain_spaces_and_escapes() =>
        Assert.That(Parse("machine sentry.io password \"a b\\\"c\"").FindPassword("sentry.io"), Is.EqualTo("a b\"c"));

    [Test]
    public void A_file_that_does_not_exist_has_no_entries()
    {
        using var home = new TemporaryDirectory();

        var netrc = NetrcFile.Load(System.IO.Path.Combine(home.Path, ".netrc"));

        Assert.That(netrc.Entries, Is.Empty);
        Assert.That(netrc.FindPassword("sentry.io"), Is.Null);
    }

    [Test]
    public void A_file_on_disk_is_read()
    {
        using var home = new TemporaryDirectory();
        var path = home.Write(".netrc", "machine sentry.io password sntrys_abc\n");

        Assert.That(NetrcFile.Load(path).FindPassword("sentry.io"), Is.EqualTo("sntrys_abc"));
    }

    [TestCase("machine sentry.io login me\npassword", 2, "'password' must be followed by a value")]
    [TestCase("machine", 1, "'machine' must be followed by a value")]
    [TestCase("\n\nlogin me password sntrys_secret_value", 3, "'login' must follow a 'machine NAME' or 'default'")]
    [TestCase("machine sentry.io\n  sntrys_secret_value", 2, "expected one of machine, default, login, password, account or macdef")]
    [TestCase("machine sentry.io password \"sntrys_secret_value", 1, "no closing")]
    public void A_malformed_file_fails_naming_the_file_and_line_but_no_word_of_it(string text, int line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => NetrcFile.Parse(text, Path));

        Assert.That(error!.Message, Does.StartWith($"{Path} line {line}: ").And.Contain(problem));
        Assert.That(error.Message, Does.Not.Contain("sntrys_secret_value"));
    }

    [Test]
    public void An_entry_prints_without_its_password() =>
        Assert.That(Parse("machine sentry.io password sntrys_secret_value").Entries.Single().ToString(),
            Does.Not.Contain("sntrys_secret_value").And.Contain("(set)"));

    private static NetrcFile Parse(string text) => NetrcFile.Parse(text, Path);
}
