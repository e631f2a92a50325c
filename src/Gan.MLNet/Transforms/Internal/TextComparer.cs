namespace Gan.MLNet.Transforms;

/// <summary>Compares text by content (ordinal), as <see cref="ReadOnlyMemory{T}"/> itself compares by reference.</summary>
internal sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>, IComparer<ReadOnlyMemory<char>>
{
    public static TextComparer Instance { get; } = new();

    public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span);

    public int Compare(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceCompareTo(y.Span);
}
