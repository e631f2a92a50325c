using Gan.Imaging;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Data;

/// <summary>
/// SuperResolve's view: a cursor that reads the upscaled column copies up to RowBatchSize input rows (stopping early
/// at MaxPendingPixels input pixels) into slots, upscales their images in one call — same-size tiles of different rows
/// share network batches — and then serves the rows one by one. It holds at most one such batch of rows, their
/// images and their upscaled images. A cursor that does not read the upscaled column passes rows through unbuffered.
/// </summary>
internal sealed class ReadAheadUpscalingDataView(IDataView source, IRowToRowMapper mapper, int outputIndex, DataViewSchema.Column image,
    SuperResolvingTransformer owner) : IDataView
{
    private DataViewSchema.Column ImageColumn => image;

    private SuperResolvingTransformer Owner => owner;

    private int OutputIndex => outputIndex;

    public bool CanShuffle => source.CanShuffle;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        if (!needed.Any(c => c.Index == outputIndex))
            return new RowToRowMappedDataView(source, mapper).GetRowCursor(needed, rand);
        var inputs = mapper.GetDependencies(needed).ToArray();
        var input = source.GetRowCursor(inputs, rand);
        try
        {
            return new Cursor(this, input, inputs, ColumnSet.From(Schema, needed));
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ReadAheadUpscalingDataView _view;
        private readonly DataViewRowCursor _input;
        private readonly ColumnSet _active;
        private readonly Dictionary<int, ColumnSlots> _slots;
        private readonly Action<int>[] _writers;
        private readonly ValueGetter<Image?> _getImage;
        private readonly ValueGetter<DataViewRowId> _getId;
        private readonly DataViewRowId[] _ids;
        private readonly Image?[] _images;
        private Image?[] _upscaled = [];
        private int _count, _index = -1;
        private long _position = -1;
        private bool _ended;

        public Cursor(ReadAheadUpscalingDataView view, DataViewRowCursor input, DataViewSchema.Column[] inputs, ColumnSet active)
        {
            _view = view;
            _input = input;
            _active = active;
            // The image column is read once per row into _images; the other input columns are copied into slots.
            _slots = inputs.Where(c => c.Index != view.ImageColumn.Index).ToDictionary(c => c.Index, ColumnSlots.Create);
            _writers = [.. _slots.Values.Select(s => s.BindWriter(input))];
            _getImage = input.GetGetter<Image?>(view.ImageColumn);
            _getId = input.GetIdGetter();
            _ids = new DataViewRowId[view.Owner.RowBatchSize];
            _images = new Image?[_ids.Length];
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _ended ? -1 : _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = _ids[_index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckGetterRequest<TValue>(column);
            Delegate getter = column.Index == _view.OutputIndex ? (ValueGetter<Image?>)((ref Image? value) => value = _upscaled[_index])
                : column.Index == _view.ImageColumn.Index ? (ValueGetter<Image?>)((ref Image? value) => value = _images[_index])
                : _slots[column.Index].CreateReader(() => _index);
            return UntypedGetters.Cast<TValue>(getter, column);
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
            _upscaled = []; // let the previous batch's images go before reading the next
            Array.Clear(_images);
            long pixels = 0;
            _count = 0;
            while (_count < _ids.Length && pixels < _view.Owner.MaxPendingPixels && _input.MoveNext())
            {
                foreach (var write in _writers)
                    write(_count);
                _getId(ref _ids[_count]);
                _getImage(ref _images[_count]);
                pixels += _images[_count] is { } image ? (long)image.Width * image.Height : 0;
                _count++;
            }
            foreach (var slots in _slots.Values)
                for (int i = _count; i < _ids.Length; i++)
                    slots.Clear(i);
            _index = 0;
            if (_count == 0)
                return false;
            _upscaled = _view.Owner.Upscale(_images.AsSpan(0, _count).ToArray());
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
        }
    }
}
