using System.Globalization;
using System.Text;

namespace Gan.MLNet.Streaming;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based, written "i/n"): the inputs whose key hashes to
/// <see cref="Index"/> modulo <see cref="Count"/>. The hash is 64-bit FNV-1a over the key's UTF-8 bytes, fixed by this
/// definition (not <see cref="string.GetHashCode()"/>, which differs per process), so n processes on n machines each
/// take their share with no coordination, every input lands in exactly one shard, and an input keeps its shard when
/// others are added to or removed from the job.
/// </summary>
public readonly record struct ImageShard
{
    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ index &lt; count.</exception>
    public ImageShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A shard index must be in 0..{count - 1} for {count} shards.");
        Index = index;
        Count = count;
    }

    /// <summary>The whole job: shard 0 of 1.</summary>
    public static ImageShard All { get; } = new(0, 1);

    /// <summary>This shard's number, 0-based.</summary>
    public int Index { get; }

    /// <summary>How many shards the job is split into.</summary>
    public int Count { get; }

    /// <summary>Parses "i/n" (e.g. "0/4" … "3/4").</summary>
    /// <exception cref="FormatException">Not of that form, or i is not in 0..n-1.</exception>
    public static ImageShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index < count)
            return new ImageShard(index, count);
        throw new FormatException($"Shard '{text}' is not i/n with 0 ≤ i < n (e.g. 0/4 … 3/4).");
    }

    /// <summary>Whether the input named <paramref name="key"/> belongs to this shard.</summary>
    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Count == 1) return true;
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(key))
            hash = (hash ^ b) * FnvPrime;
        return (int)(hash % (ulong)Count) == Index;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
