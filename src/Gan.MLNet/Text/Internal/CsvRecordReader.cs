using CsvHelper;

namespace Gan.MLNet.Data;

/// <summary>
/// Reads the records of a text file one at a time through CsvHelper's reader, with the line each record starts on.
/// Empty lines are skipped. With quoting allowed, bad quoting (a quote never closed, a stray quote, text after a
/// closing quote) either throws a <see cref="TextLoaderException"/> or, when malformed rows are skipped, is skipped by
/// CsvHelper and reported to <see cref="MalformedRecordSkipped"/>. Field counts are checked by the caller.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly string _path;
    private readonly CsvReader _reader;

    public CsvRecordReader(string path, TextLoader.Options options, Action<long>? malformedRecordSkipped)
    {
        _path = path;
        MalformedRecordSkipped = malformedRecordSkipped;
        bool skip = options.MalformedRows == MalformedRowHandling.Skip;
        var readerOptions = CsvReaderOptions.Default with
        {
            Separator = options.Separator,
            HasHeader = false,
            Mode = options.AllowQuoting ? CsvMode.Rfc4180 : CsvMode.NoEscape,
            TrimWhitespace = options.TrimWhitespace,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = skip ? CsvMalformedDataHandling.Skip : CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = skip ? record => MalformedRecordSkipped?.Invoke(record.LineNumber) : null,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        _reader = CsvReader.FromFile(path, readerOptions);
    }

    /// <summary>Called with the line of each record skipped for bad quoting.</summary>
    public Action<long>? MalformedRecordSkipped { get; }

    /// <summary>The fields of the current record.</summary>
    public string[] Fields { get; private set; } = [];

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Moves to the next non-empty record; false at the end of the file.</summary>
    /// <exception cref="TextLoaderException">The record has bad quoting (only when malformed rows throw).</exception>
    public bool Read()
    {
        try
        {
            if (!_reader.Read())
                return false;
        }
        catch (CsvFormatException e)
        {
            throw new TextLoaderException(_path, e.LineNumber, null, null, $"bad quoting ({e.Message})");
        }
        Line = _reader.LineNumber;
        var fields = new string[_reader.FieldCount];
        for (int i = 0; i < fields.Length; i++)
            fields[i] = _reader.GetString(i);
        Fields = fields;
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
