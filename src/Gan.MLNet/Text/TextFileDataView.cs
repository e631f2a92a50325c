namespace Gan.MLNet.Data;

/// <summary>
/// The rows of a text file, read lazily: every cursor opens the file and parses one line at a time, only for the
/// columns it was asked for, so memory does not grow with the file. The row count is unknown until the file is read.
/// Returned by <see cref="DataOperationsCatalog.LoadFromTextFile(string, TextLoader.Options)"/> and its overloads.
/// </summary>
public sealed class TextFileDataView : IDataView
{
    private const int LoggedLineCount = 5;

    private readonly MLContext _context;
    private readonly TextLoader.Options _options;
    private readonly TextLoader.Column[] _columns;
    private readonly int _fieldsNeeded;
    private long _skippedRowCount;

    internal TextFileDataView(MLContext context, string path, TextLoader.Options options)
    {
        _context = context;
        _options = options;
        _columns = [.. options.Columns];
        FilePath = Path.GetFullPath(path);
        _fieldsNeeded = _columns.Max(c => c.FieldIndices.Max()) + 1;
        Schema = DataViewSchema.Create(_columns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.ColumnType)));
        // Fail early on what can be checked without reading the data: the file exists and has its header.
        using var reader = OpenFile();
    }

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The number of malformed rows skipped by the last cursor that reached the end of the file (with
    /// <see cref="MalformedRowHandling.Skip"/>; always 0 otherwise).
    /// </summary>
    public long SkippedRowCount => Interlocked.Read(ref _skippedRowCount);

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>Always null: the file is not read ahead to count its lines.</summary>
    public long? GetRowCount() => null;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, ColumnSet.From(Schema, columnsNeeded));

    /// <summary>Opens the file and reads past the header; the header line is also the first place its field count is learned.</summary>
    private CsvRecordReader OpenFile(Action<long>? malformedRecordSkipped = null)
    {
        if (!File.Exists(FilePath))
            throw new FileNotFoundException($"Text file '{FilePath}' does not exist.", FilePath);
        var reader = new CsvRecordReader(FilePath, _options, malformedRecordSkipped);
        if (_options.HasHeader && !reader.Read())
        {
            reader.Dispose();
            throw new TextLoaderException(FilePath, 1, null, null, "the file is empty but a header line was expected");
        }
        return reader;
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TextFileDataView _owner;
        private readonly ColumnSet _active;
        private readonly CsvRecordReader _reader;
        private readonly TextColumnReader?[] _columns;
        private readonly List<long> _skippedLines = [];
        private int _expectedFieldCount;
        private long _skipped;
        private long _position = -1;

        public Cursor(TextFileDataView owner, ColumnSet active)
        {
            _owner = owner;
            _active = active;
            _reader = owner.OpenFile(Skipped);
            _expectedFieldCount = owner._options.HasHeader ? _reader.Fields.Length : -1;
            _columns = owner._columns.Select((c, i) => active.Contains(i) ? TextColumnReader.Create(c) : null).ToArray();
        }

        public override DataViewSchema Schema => _owner.Schema;

        public override long Position => _position < 0 ? -1 : _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position < -1)
                return false;
            while (_reader.Read())
            {
                var error = ReadRecord();
                if (error is null)
                {
                    _position++;
                    return true;
                }
                if (_owner._options.MalformedRows == MalformedRowHandling.Throw)
                    throw error;
                Skipped(error.Line);
            }
            _position = -2;
            Finish();
            return false;
        }

        /// <summary>Parses the active columns of the current record; the error that makes it malformed, or null.</summary>
        private TextLoaderException? ReadRecord()
        {
            string path = _owner.FilePath;
            long line = _reader.Line;
            int count = _reader.Fields.Length;
            if (_expectedFieldCount < 0)
                _expectedFieldCount = count;
            if (count != _expectedFieldCount)
                return new TextLoaderException(path, line, null, null, $"the line has {count} fields but {(_owner._options.HasHeader ? "the header" : "the first line")} has {_expectedFieldCount}");
            if (count < _owner._fieldsNeeded)
            {
                var column = _owner._columns.First(c => c.FieldIndices.Max() >= count);
                return new TextLoaderException(path, line, column.Name, column.FieldIndices.Max(), $"the line has only {count} fields");
            }
            for (int i = 0; i < _columns.Length; i++)
            {
                if (_columns[i] is { } reader && !reader.TryRead(_reader.Fields, out int badField))
                    return new TextLoaderException(path, line, _owner._columns[i].Name, badField, $"'{_reader.Fields[badField]}' is not a {reader.ItemTypeName}");
            }
            return null;
        }

        private void Skipped(long line)
        {
            _skipped++;
            if (_skippedLines.Count < LoggedLineCount)
                _skippedLines.Add(line);
        }

        private void Finish()
        {
            Interlocked.Exchange(ref _owner._skippedRowCount, _skipped);
            if (_skipped > 0)
            {
                _skippedLines.Sort();
                string more = _skipped > _skippedLines.Count ? ", ..." : "";
                _owner._context.WriteLog(nameof(TextFileDataView), ChannelMessageKind.Warning,
                    $"{Path.GetFileName(_owner.FilePath)}: skipped {_skipped} malformed rows (lines {string.Join(", ", _skippedLines)}{more}).");
            }
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = DataViewRowId.FromPosition(CurrentPosition());

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            var getter = (ValueGetter<TValue>)_columns[column.Index]!.CreateGetter();
            return (ref TValue value) =>
            {
                CurrentPosition();
                getter(ref value);
            };
        }

        private long CurrentPosition() => _position >= 0 ? _position : throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _reader.Dispose();
        }
    }
}
