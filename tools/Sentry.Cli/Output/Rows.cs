namespace Sentry.Cli.Output;

/// <summary>How items of one kind become table rows: the columns, and the cells of an item.</summary>
internal sealed record Rows<T>(Column[] Columns, Func<T, string?[]> Cells)
{
    public Table Table(IEnumerable<T> items)
    {
        var table = new Table(Columns);
        foreach (var item in items)
        {
            table.Add(Cells(item));
        }

        return table;
    }
}
