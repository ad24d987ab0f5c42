using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary>
/// Prints a list: one page (a table, or one JSON array with <c>--json</c>) with a hint on standard error when
/// there are more, or with <c>--all</c> the library's walk over every page (JSON lines with <c>--json</c>, so
/// a script can start on the first item), with progress on standard error.
/// </summary>
internal static class Listing
{
    private const int ProgressEvery = 100;

    public static async Task<int> WriteAsync<T>(CliSession session, string noun, bool all, Func<IAsyncEnumerable<T>> walk, Func<Task<SentryPage<T>>> page,
        Rows<T> rows, CancellationToken cancellationToken)
    {
        var output = session.Out;
        if (!all)
        {
            var one = await page();
            if (output.Json)
            {
                output.Document(one.Items);
            }
            else
            {
                output.Table(rows.Table(one.Items));
            }

            if (one.HasNext)
            {
                output.Note($"more {noun}: add --all, or --cursor {TerminalText.Clean(one.NextCursor)} for the next page.");
            }

            return ExitCodes.Ok;
        }

        var table = output.Json ? null : new Table(rows.Columns);
        var count = 0;
        await foreach (var item in walk().WithCancellation(cancellationToken))
        {
            count++;
            if (table is null)
            {
                output.Line(item);
            }
            else
            {
                table.Add(rows.Cells(item));
            }

            if (count % ProgressEvery == 0)
            {
                output.Note($"{count} {noun} so far…");
            }
        }

        if (table is not null)
        {
            output.Table(table);
        }

        output.Note($"{count} {noun} in all.");
        return ExitCodes.Ok;
    }
}
