using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Builds the getter of a concatenation for one item type, reusing the destination vector and per-input scratch buffers.</summary>
internal abstract class ConcatenatingGetter
{
    public abstract Delegate Create(DataViewRow input, DataViewSchema.Column[] columns);
}

internal sealed class ConcatenatingGetter<T> : ConcatenatingGetter
{
    private delegate void AppendInto(Span<T> destination, out int written);

    public override Delegate Create(DataViewRow input, DataViewSchema.Column[] columns)
    {
        // Each part reads its input and reports how many items it holds, then copies them into place.
        var parts = columns.Select(column => column.Type is VectorDataViewType ? VectorPart(input, column) : ScalarPart(input, column)).ToArray();
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            int total = 0;
            foreach (var part in parts)
                total += part.Read();
            var editor = VBufferEditor.Create(ref value, total);
            int offset = 0;
            foreach (var part in parts)
                offset += part.CopyTo(editor.Values[offset..]);
            value = editor.Commit();
        });
    }

    private static Part ScalarPart(DataViewRow input, DataViewSchema.Column column)
    {
        var getter = input.GetGetter<T>(column);
        T item = default!;
        return new Part(() =>
        {
            getter(ref item);
            return 1;
        }, destination =>
        {
            destination[0] = item;
            return 1;
        });
    }

    private static Part VectorPart(DataViewRow input, DataViewSchema.Column column)
    {
        var getter = input.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        return new Part(() =>
        {
            getter(ref buffer);
            return buffer.Length;
        }, destination =>
        {
            buffer.GetValues().CopyTo(destination);
            return buffer.Length;
        });
    }

    private sealed record Part(Func<int> Read, SpanCopy CopyTo);

    private delegate int SpanCopy(Span<T> destination);
}
