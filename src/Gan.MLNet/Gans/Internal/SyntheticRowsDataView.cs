using System.Collections.Concurrent;
using System.Reflection;
using Gan.MLNet.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// The rows of a source view (if any) followed by synthetic rows drawn lazily from a <see cref="GanSampler"/> in
/// batches: synthetic row k holds sample k (its class from the plan) in the sample column, the class's key in the label
/// column, true in the flag column, and its type's default (an empty value, zeros for fixed-size vectors) in every
/// other column. A synthetic image stays valid until the cursor moves, as ML.NET's image stages' outputs do.
/// </summary>
internal sealed class SyntheticRowsDataView : IDataView
{
    private const int GenerationBatch = 64;
    private static readonly MethodInfo DefaultGetterDefinition = typeof(SyntheticRowsDataView).GetMethod(nameof(DefaultGetter), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> DefaultGetters = new();

    private readonly IDataView? _source;
    private readonly GanSampler _sampler;
    private readonly int[] _classes;
    private readonly int _sampleColumn;
    private readonly int _labelColumn;
    private readonly int _flagColumn;

    /// <param name="source">The real rows, or null for a view of synthetic rows only.</param>
    /// <param name="schema">The schema (the source's, when there is one).</param>
    /// <param name="sampler">Where the samples come from.</param>
    /// <param name="classes">The class (0-based) of each synthetic row, in order; their count is the number of synthetic rows.</param>
    /// <param name="sampleColumn">The index of the sample column in <paramref name="schema"/>.</param>
    /// <param name="labelColumn">The index of the key label column, or −1.</param>
    /// <param name="flagColumn">The index of the Boolean synthetic flag column, or −1.</param>
    public SyntheticRowsDataView(IDataView? source, DataViewSchema schema, GanSampler sampler, int[] classes, int sampleColumn, int labelColumn, int flagColumn)
    {
        _source = source;
        Schema = schema;
        _sampler = sampler;
        _classes = classes;
        _sampleColumn = sampleColumn;
        _labelColumn = labelColumn;
        _flagColumn = flagColumn;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long SyntheticRowCount => _classes.Length;

    public long? GetRowCount()
    {
        if (_source is null) return _classes.Length;
        long? real = _source.GetRowCount();
        return real is null ? null : real + _classes.Length;
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        return new Cursor(this, _source?.GetRowCursor(needed.Where(c => c.Index < _source.Schema.Count).Select(c => _source.Schema[c.Index])),
            [.. needed.Select(c => c.Index)]);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private static ValueGetter<T> DefaultGetter<T>(DataViewType type)
    {
        if (type is VectorDataViewType { IsKnownSize: true } vector && typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>))
        {
            var item = typeof(T).GetGenericArguments()[0];
            var zeros = (T)Activator.CreateInstance(typeof(T), vector.Size, Array.CreateInstance(item, vector.Size), null)!;
            return (ref T value) => value = zeros;
        }
        return (ref T value) => value = default!;
    }

    private sealed class Cursor(SyntheticRowsDataView owner, DataViewRowCursor? source, HashSet<int> active) : DataViewRowCursor
    {
        private readonly object?[] _batch = new object?[GenerationBatch];
        private readonly ImageSlot _image = new();
        private long _imageRow = -1;
        private long _batchStart = -1;
        private long _position = -1;
        private long _synthetic = -1;
        private bool _ended;

        public override DataViewSchema Schema => owner.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        private bool InSynthetic => _synthetic >= 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext()
        {
            if (_ended) return false;
            if (!InSynthetic && source is not null && source.MoveNext())
            {
                _position++;
                return true;
            }
            if (_synthetic + 1 >= owner._classes.Length)
            {
                _ended = true;
                return false;
            }
            _synthetic++;
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter()
        {
            var real = source?.GetIdGetter();
            // Synthetic ids live in the high word, so they never collide with a source's position-based ids.
            return (ref DataViewRowId id) =>
            {
                if (InSynthetic) id = new DataViewRowId((ulong)_synthetic, 1UL << 63);
                else real!(ref id);
            };
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active.Contains(column.Index))
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor; include it in the columns asked for.");
            if (column.Type.RawType != typeof(TValue))
                throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type} ({column.Type.RawType.Name}), not {typeof(TValue).Name}.");
            var real = source?.GetGetter<TValue>(source.Schema[column.Index]);
            var synthetic = SyntheticGetter<TValue>(column);
            return (ref TValue value) =>
            {
                if (InSynthetic) synthetic(ref value);
                else real!(ref value);
            };
        }

        private ValueGetter<TValue> SyntheticGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == owner._sampleColumn)
                return (ref TValue value) => value = (TValue)CurrentValue();
            if (column.Index == owner._labelColumn)
                return (ref TValue value) => value = (TValue)(object)(uint)(owner._classes[_synthetic] + 1);
            if (column.Index == owner._flagColumn)
                return (ref TValue value) => value = (TValue)(object)true;
            var method = DefaultGetters.GetOrAdd(typeof(TValue), t => DefaultGetterDefinition.MakeGenericMethod(t));
            return (ValueGetter<TValue>)method.Invoke(null, [column.Type])!;
        }

        private object CurrentValue()
        {
            object sample = CurrentSample();
            if (sample is not Gan.Imaging.Image image) return sample;
            if (_imageRow != _synthetic)
            {
                _image.Set(MLImageConversion.ToMLImage(image));
                _imageRow = _synthetic;
            }
            return _image.Current!;
        }

        private object CurrentSample()
        {
            if (_batchStart < 0 || _synthetic >= _batchStart + GenerationBatch)
            {
                _batchStart = _synthetic;
                int n = (int)Math.Min(GenerationBatch, owner._classes.Length - _batchStart);
                var indices = new long[n];
                for (int i = 0; i < n; i++) indices[i] = _batchStart + i;
                var values = owner._sampler.Generate(indices, owner._classes.AsSpan((int)_batchStart, n));
                Array.Clear(_batch);
                values.CopyTo(_batch, 0);
            }
            return _batch[_synthetic - _batchStart]!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _image.Dispose();
                source?.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
