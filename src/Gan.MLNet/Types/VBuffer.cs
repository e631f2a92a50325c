namespace Gan.MLNet.Data;

/// <summary>
/// The value of a vector column: <see cref="Length"/> items stored densely. The backing array may be longer than
/// <see cref="Length"/> so that getters can reuse it from row to row (see <see cref="VBufferEditor"/>); consumers
/// that keep a value beyond the next getter call must copy it (<see cref="CopyTo(ref VBuffer{T})"/>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct VBuffer<T>
{
    private readonly T[]? _values;

    /// <summary>Wraps the first <paramref name="length"/> items of <paramref name="values"/> (no copy).</summary>
    /// <param name="length">The logical length.</param>
    /// <param name="values">The backing array; at least <paramref name="length"/> long.</param>
    public VBuffer(int length, T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (values.Length < length)
            throw new ArgumentException($"The array holds {values.Length} items, fewer than the length {length}.", nameof(values));
        Length = length;
        _values = values;
    }

    /// <summary>The number of items.</summary>
    public int Length { get; }

    /// <summary>Always true: this layer stores vectors densely.</summary>
    public bool IsDense => true;

    /// <summary>The items.</summary>
    public ReadOnlySpan<T> GetValues() => _values is null ? ReadOnlySpan<T>.Empty : _values.AsSpan(0, Length);

    /// <summary>Enumerates the items.</summary>
    public IEnumerable<T> DenseValues()
    {
        for (int i = 0; i < Length; i++)
            yield return _values![i];
    }

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">A position in 0..Length-1.</param>
    public T GetItemOrDefault(int index)
    {
        if ((uint)index >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The vector has {Length} items.");
        return _values![index];
    }

    /// <summary>Copies the items into <paramref name="destination"/>, reusing its array when it is large enough.</summary>
    /// <param name="destination">The buffer to overwrite.</param>
    public void CopyTo(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length);
        GetValues().CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>Copies the items into a new array.</summary>
    public T[] ToArray() => GetValues().ToArray();

    internal T[]? BackingArray => _values;

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", DenseValues())}]";
}
