using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.DataViews;

/// <summary>
/// A row-to-row mapper that keeps every input column at its index and appends computed columns after them — what
/// PredictionEngine, TransformerChain and <see cref="MappedDataView"/> need from our transformers. Subclasses say what
/// each added column reads and how its getter computes the value.
/// </summary>
internal abstract class ColumnAddingMapper : IRowToRowMapper
{
    protected ColumnAddingMapper(DataViewSchema inputSchema, IReadOnlyList<(string Name, DataViewType Type)> added)
    {
        InputSchema = inputSchema;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var (name, type) in added)
            builder.AddColumn(name, type);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>The index in <see cref="OutputSchema"/> of added column 0.</summary>
    protected int FirstAddedIndex => InputSchema.Count;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var needed = new SortedSet<int>();
        foreach (var column in dependingColumns)
        {
            if (column.Index < FirstAddedIndex) needed.Add(column.Index);
            else foreach (var input in AddedColumnDependencies(column.Index - FirstAddedIndex)) needed.Add(input.Index);
        }
        return needed.Select(i => InputSchema[i]).ToArray();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        return new ColumnAddingCursor(this, input, activeColumns);
    }

    /// <summary>The input columns added column <paramref name="added"/> reads.</summary>
    protected abstract IEnumerable<DataViewSchema.Column> AddedColumnDependencies(int added);

    /// <summary>
    /// The getter of added column <paramref name="added"/> over <paramref name="input"/>; what it allocates per row
    /// (e.g. an MLImage) it registers with <paramref name="resources"/>, which are disposed with the row.
    /// </summary>
    protected abstract Delegate CreateGetter(DataViewRow input, int added, RowResources resources);

    /// <summary>Input columns pass through; added ones are computed by the mapper. Disposing it disposes the input.</summary>
    private sealed class ColumnAddingCursor : DataViewRowCursor
    {
        private readonly ColumnAddingMapper _mapper;
        private readonly DataViewRow _input;
        private readonly HashSet<int> _active;
        private readonly Delegate?[] _getters;
        private readonly RowResources _resources = new();

        public ColumnAddingCursor(ColumnAddingMapper mapper, DataViewRow input, IEnumerable<DataViewSchema.Column> active)
        {
            _mapper = mapper;
            _input = input;
            _active = [.. active.Select(c => c.Index)];
            _getters = new Delegate?[mapper.OutputSchema.Count - mapper.FirstAddedIndex];
            for (int i = 0; i < _getters.Length; i++)
                if (_active.Contains(mapper.FirstAddedIndex + i))
                    _getters[i] = mapper.CreateGetter(input, i, _resources);
        }

        public override DataViewSchema Schema => _mapper.OutputSchema;

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < _mapper.FirstAddedIndex) return _input.GetGetter<TValue>(_mapper.InputSchema[column.Index]);
            if (column.Index >= _mapper.OutputSchema.Count || _getters[column.Index - _mapper.FirstAddedIndex] is not { } getter)
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this row; include it in the columns asked for.");
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type} ({column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        public override bool MoveNext() => _input is DataViewRowCursor cursor
            ? cursor.MoveNext()
            : throw new InvalidOperationException("This row maps a single input row; it is not a cursor.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _resources.Dispose();
                _input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
