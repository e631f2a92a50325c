namespace Gan.MLNet.Data;

/// <summary>Creates <see cref="VBufferEditor{T}"/>s: the way getters fill a vector while reusing the caller's buffer.</summary>
public static class VBufferEditor
{
    /// <summary>
    /// Starts writing a vector of <paramref name="length"/> items into <paramref name="destination"/>'s array, or into a
    /// new one when that array is too small. Call <see cref="VBufferEditor{T}.Commit"/> and assign the result back.
    /// </summary>
    /// <param name="destination">The buffer whose storage is reused.</param>
    /// <param name="length">The logical length of the new value.</param>
    public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var array = destination.BackingArray;
        if (array is null || array.Length < length)
            array = new T[length];
        return new VBufferEditor<T>(length, array);
    }
}

/// <summary>A writable view of a vector being built; see <see cref="VBufferEditor.Create{T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly ref struct VBufferEditor<T>
{
    private readonly T[] _array;
    private readonly int _length;

    internal VBufferEditor(int length, T[] array)
    {
        _length = length;
        _array = array;
    }

    /// <summary>The items to write.</summary>
    public Span<T> Values => _array.AsSpan(0, _length);

    /// <summary>Finishes the edit and returns the vector.</summary>
    public VBuffer<T> Commit() => new(_length, _array);
}
