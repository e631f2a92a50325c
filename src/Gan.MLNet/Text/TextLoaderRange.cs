namespace Gan.MLNet.Data;

public sealed partial class TextLoader
{
    /// <summary>A run of consecutive fields of a line, zero-based and inclusive.</summary>
    public sealed class Range
    {
        /// <summary>A single field.</summary>
        /// <param name="index">The zero-based field index.</param>
        public Range(int index) : this(index, index) { }

        /// <summary>Fields <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="min">The first field (zero-based).</param>
        /// <param name="max">The last field (inclusive).</param>
        public Range(int min, int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(min);
            ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
            Min = min;
            Max = max;
        }

        /// <summary>The first field.</summary>
        public int Min { get; }

        /// <summary>The last field (inclusive).</summary>
        public int Max { get; }
    }
}
