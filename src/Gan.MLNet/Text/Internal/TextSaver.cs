using System.Runtime.InteropServices;
using CsvHelper;

namespace Gan.MLNet.Data;

/// <summary>Writes the visible columns of a view as delimited text through CsvHelper (quoting fields that hold the separator, a quote or a line break).</summary>
internal static class TextSaver
{
    public static void Save(IDataView data, Stream stream, char separatorChar, bool headerRow)
    {
        if (separatorChar is '"' or '\r' or '\n' || separatorChar > 127)
            throw new ArgumentException($"'{separatorChar}' cannot separate fields (an ASCII character other than a quote or a line break can).", nameof(separatorChar));
        var columns = data.Schema.Where(c => !c.IsHidden).ToArray();
        var options = CsvWriterOptions.Default with
        {
            Separator = separatorChar,
            NewLine = "\n",
            Quoting = CsvQuoting.WhenNeeded,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        using var cursor = data.GetRowCursor(columns);
        var formatters = columns.Select(c => TextColumnFormatter.Create(cursor, c)).ToArray();
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        if (headerRow)
            csv.WriteHeader([.. formatters.SelectMany(f => f.HeaderNames)]);
        var fields = new List<string>();
        while (cursor.MoveNext())
        {
            fields.Clear();
            foreach (var formatter in formatters)
                formatter.AppendFields(fields);
            csv.WriteRecord(CollectionsMarshal.AsSpan(fields));
        }
        csv.Flush();
    }
}
