namespace Gan.MLNet.Data;

public sealed partial class TextLoader
{
    /// <summary>
    /// One column read from text: its name, its item type, and the fields it comes from. One field makes a scalar;
    /// several (a range, or several ranges) make a fixed-size vector of that many items, in field order.
    /// </summary>
    public sealed class Column
    {
        /// <summary>A scalar column read from field <paramref name="index"/>.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The type of the value.</param>
        /// <param name="index">The zero-based field index.</param>
        public Column(string name, DataKind dataKind, int index) : this(name, dataKind, [new Range(index)]) { }

        /// <summary>A vector column read from fields <paramref name="minIndex"/>..<paramref name="maxIndex"/> (a scalar when they are equal).</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The type of each item.</param>
        /// <param name="minIndex">The first field (zero-based).</param>
        /// <param name="maxIndex">The last field (inclusive).</param>
        public Column(string name, DataKind dataKind, int minIndex, int maxIndex) : this(name, dataKind, [new Range(minIndex, maxIndex)]) { }

        /// <summary>A column read from the fields of <paramref name="source"/>, in order.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The type of each item.</param>
        /// <param name="source">The field ranges.</param>
        /// <param name="keyCount">With <see cref="DataKind.UInt32"/>: the number of keys, making this a key column (values 0..keyCount, 0 = missing).</param>
        public Column(string name, DataKind dataKind, Range[] source, ulong? keyCount = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(source);
            if (source.Length == 0)
                throw new ArgumentException($"Column '{name}' needs at least one source field.", nameof(source));
            if (!Enum.IsDefined(dataKind))
                throw new ArgumentOutOfRangeException(nameof(dataKind), dataKind, "Unknown data kind.");
            if (keyCount is not null && dataKind != DataKind.UInt32)
                throw new ArgumentException($"Column '{name}': a key count needs DataKind.UInt32, not {dataKind}.", nameof(keyCount));
            Name = name;
            DataKind = dataKind;
            Source = [.. source];
            KeyCount = keyCount;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The type of the value (or of each item of a vector).</summary>
        public DataKind DataKind { get; }

        /// <summary>The field ranges, in order.</summary>
        public IReadOnlyList<Range> Source { get; }

        /// <summary>The number of keys of a key column; null otherwise.</summary>
        public ulong? KeyCount { get; }

        /// <summary>The zero-based field indices, in order (one per item).</summary>
        internal int[] FieldIndices => Source.SelectMany(r => Enumerable.Range(r.Min, r.Max - r.Min + 1)).ToArray();

        /// <summary>The column type: the item type for one field, a vector of it for several.</summary>
        internal DataViewType ColumnType
        {
            get
            {
                PrimitiveDataViewType item = DataKind switch
                {
                    DataKind.Boolean => BooleanDataViewType.Instance,
                    DataKind.Single => NumberDataViewType.Single,
                    DataKind.Double => NumberDataViewType.Double,
                    DataKind.Int32 => NumberDataViewType.Int32,
                    DataKind.Int64 => NumberDataViewType.Int64,
                    DataKind.UInt32 when KeyCount is { } count => new KeyDataViewType(typeof(uint), count),
                    DataKind.UInt32 => NumberDataViewType.UInt32,
                    _ => TextDataViewType.Instance,
                };
                int items = FieldIndices.Length;
                return items == 1 && Source.Count == 1 && Source[0].Min == Source[0].Max ? item : new VectorDataViewType(item, items);
            }
        }
    }
}
