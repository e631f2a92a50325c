using Gan.Imaging;
using Gan.MLNet.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// SuperResolve's view: a cursor that reads the upscaled column copies up to RowBatchSize input rows (stopping early
/// at MaxPendingPixels input pixels) into slots, upscales their images in one call — same-size tiles of different rows
/// share network batches — and then serves the rows one by one. It holds at most one such batch of rows, their
/// images and their upscaled images. A cursor that does not read the upscaled column passes rows through unbuffered.
/// </summary>
internal sealed class ReadAheadUpscalingDataView(IDataView source, IRowToRowMapper mapper, int outputIndex, DataViewSchema.Column image,
    SuperResolvingTransformer owner) : IDataView
{
    private SuperResolvingTransformer Owner => owner;

    private int OutputIndex => outputIndex;

    private DataViewSchema.Column ImageColumn => image;

    public bool CanShuffle => source.CanShuffle;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        if (!needed.Any(c => c.Index == outputIndex))
            return new MappedDataView(source, mapper).GetRowCursor(needed, rand);
        var inputs = mapper.GetDependencies(needed).ToArray();
        var input = source.GetRowCursor(inputs, rand);
        try
        {
            return new Cursor(this, input, inputs, [.. needed.Select(c => c.Index)]);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ReadAheadUpscalingDataView _view;
        private readonly DataViewRowCursor _input;
        private readonly HashSet<int> _active;
        private readonly ColumnSlots[] _slots;
        private readonly Dictionary<int, ColumnSlots> _slotsByColumn;
        private readonly Action<int>[] _writers;
        private readonly ValueGetter<MLImage?> _getImage;
        private readonly ValueGetter<DataViewRowId> _getId;
        private readonly DataViewRowId[] _ids;
        private readonly long[] _positions;
        private readonly Image?[] _images;
        private readonly MLImage?[]? _imageCopies;
        private MLImage[] _upscaled = [];
        private int _count, _index = -1;
        private long _position = -1;
        private bool _ended;

        public Cursor(ReadAheadUpscalingDataView view, DataViewRowCursor input, DataViewSchema.Column[] inputs, HashSet<int> active)
        {
            _view = view;
            _input = input;
            _active = active;
            int rows = view.Owner.RowBatchSize;
            // Every other input column the caller reads is copied into slots (images too: upstream stages dispose
            // theirs when their cursor moves). The image column is read once per row: for upscaling, and copied
            // only when the caller reads it too (its getter may decode the file again on every call).
            _slotsByColumn = inputs.Where(c => active.Contains(c.Index) && c.Index != view.ImageColumn.Index)
                .ToDictionary(c => c.Index, c => ColumnSlots.Create(c, rows));
            _slots = [.. _slotsByColumn.Values];
            _writers = [.. _slots.Select(s => s.BindWriter(input))];
            _getImage = input.GetGetter<MLImage?>(view.ImageColumn);
            _getId = input.GetIdGetter();
            _ids = new DataViewRowId[rows];
            _positions = new long[rows];
            _images = new Image?[rows];
            if (active.Contains(view.ImageColumn.Index)) _imageCopies = new MLImage?[rows];
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = _ids[_index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active.Contains(column.Index))
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor; include it in the columns asked for.");
            Delegate getter = column.Index == _view.OutputIndex ? (ValueGetter<MLImage>)((ref MLImage value) => value = _upscaled[_index])
                : column.Index == _view.ImageColumn.Index ? (ValueGetter<MLImage?>)((ref MLImage? value) => value = _imageCopies![_index])
                : _slotsByColumn[column.Index].CreateReader(() => _index);
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type} ({column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        public override bool MoveNext()
        {
            if (_ended)
                return false;
            if (++_index >= _count && !ReadAhead())
            {
                _ended = true;
                return false;
            }
            _position++;
            return true;
        }

        private bool ReadAhead()
        {
            Release(); // let the previous batch's images go before reading the next
            long pixels = 0;
            MLImage? image = null;
            _count = 0;
            while (_count < _ids.Length && pixels < _view.Owner.MaxPendingPixels && _input.MoveNext())
            {
                foreach (var write in _writers)
                    write(_count);
                _getId(ref _ids[_count]);
                _positions[_count] = _input.Position;
                _getImage(ref image);
                _images[_count] = image is null ? null : MLImageConversion.ToImage(image);
                if (_imageCopies is not null) _imageCopies[_count] = ValueCopier<MLImage?>.Copy(image);
                pixels += image is null ? 0 : (long)image.Width * image.Height;
                _count++;
            }
            _index = 0;
            if (_count == 0)
                return false;
            _upscaled = _view.Owner.Upscale(_images.AsSpan(0, _count).ToArray(), _positions.AsSpan(0, _count).ToArray());
            return true;
        }

        private void Release()
        {
            foreach (var image in _upscaled) image.Dispose();
            _upscaled = [];
            Array.Clear(_images);
            if (_imageCopies is not null)
            {
                foreach (var copy in _imageCopies) copy?.Dispose();
                Array.Clear(_imageCopies);
            }
            foreach (var slots in _slots) slots.Clear();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
                _input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
