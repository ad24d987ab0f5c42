using System.Text;

namespace Sentry.Cli.Output;

/// <summary>
/// An aligned text table: columns as wide as their widest cell, two spaces apart. On a terminal of known
/// width the last column (a title or message) is cut to fit, with <c>…</c>; elsewhere nothing is cut.
/// </summary>
internal sealed class Table(params Column[] columns)
{
    private const string Gap = "  ";
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {columns.Length} columns.", nameof(cells));
        }

        _rows.Add(cells.Select(TerminalText.Clean).ToArray());
    }

    public void Write(TextWriter writer, int? width)
    {
        var all = _rows.Prepend(columns.Select(c => c.Header).ToArray()).ToList();
        var widths = Enumerable.Range(0, columns.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var fixedWidth = widths.Take(columns.Length - 1).Sum() + Gap.Length * (columns.Length - 1);
        var lastWidth = width is { } total ? Math.Max(total - fixedWidth - 1, 10) : int.MaxValue;
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var c = 0; c < columns.Length; c++)
            {
                var cell = row[c];
                if (c == columns.Length - 1)
                {
                    line.Append(cell.Length > lastWidth ? cell[..(lastWidth - 1)] + "…" : cell);
                }
                else
                {
                    line.Append(columns[c].AlignRight ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])).Append(Gap);
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
