using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>Operations on data (<c>mlContext.Data</c>): loading from objects, reading back, splitting, shuffling, row ranges, filtering and caching.</summary>
public sealed partial class DataOperationsCatalog
{
    private const string Source = nameof(DataOperationsCatalog);

    internal DataOperationsCatalog(MLContext context) => Context = context;

    internal MLContext Context { get; }

    /// <summary>The two parts of a split.</summary>
    /// <param name="TrainSet">The training part.</param>
    /// <param name="TestSet">The test part.</param>
    public sealed record TrainTestData(IDataView TrainSet, IDataView TestSet);

    /// <summary>
    /// A view over a sequence of objects: one column per public field or property (see <see cref="ColumnNameAttribute"/>,
    /// <see cref="VectorTypeAttribute"/>, <see cref="KeyTypeAttribute"/>, <see cref="NoColumnAttribute"/>). The sequence
    /// is enumerated lazily, once per cursor; the row count is known only when it is a collection.
    /// </summary>
    /// <param name="data">The objects; enumerated afresh by every cursor.</param>
    /// <param name="schemaDefinition">Overrides the mapping read from the attributes.</param>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition? schemaDefinition = null) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EnumerableDataView<TRow>(data, schemaDefinition ?? SchemaDefinition.Create(typeof(TRow), SchemaDefinition.Direction.Read));
    }

    /// <summary>Reads a view as objects, lazily (one cursor per enumeration, over the mapped columns only).</summary>
    /// <param name="data">The view.</param>
    /// <param name="reuseRowObject">Whether every row is written into the same object (no allocation per row; do not keep the objects).</param>
    /// <param name="ignoreMissingColumns">Whether members without a matching column are left at their defaults instead of failing.</param>
    /// <param name="schemaDefinition">Overrides the mapping read from the attributes.</param>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false, SchemaDefinition? schemaDefinition = null)
        where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DataViewEnumerable<TRow>(data, reuseRowObject, ignoreMissingColumns, schemaDefinition);
    }

    /// <summary>
    /// Splits rows into a training and a test part, deterministically for a seed. With
    /// <paramref name="samplingKeyColumnName"/>, the split is stratified: each value of that column is split in the
    /// test fraction (within one row), so rare categories appear in both parts. (ML.NET uses this column to keep
    /// equal values together instead; this layer stratifies, as class-balanced GAN training needs.)
    /// </summary>
    /// <param name="data">The rows, read in their stored order.</param>
    /// <param name="testFraction">The fraction of rows in the test part, in [0, 1].</param>
    /// <param name="samplingKeyColumnName">A scalar column to stratify by; null for none.</param>
    /// <param name="seed">Seed of the split; null draws one from the context.</param>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction >= 0 && testFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in [0, 1].");
        DataViewSchema.Column? key = samplingKeyColumnName is null ? null : data.Schema[samplingKeyColumnName];
        if (key is { Type: not PrimitiveDataViewType })
            throw new SchemaMismatchException(key.Value.Name, "a scalar column (key, text, number or boolean)", key.Value.Type.ToString());
        int splitSeed = seed ?? Context.NextComponentSeed();
        Context.WriteLog(Source, ChannelMessageKind.Info, $"TrainTestSplit: test fraction {testFraction}, seed {splitSeed}{(key is null ? "" : $", stratified by '{key.Value.Name}'")}.");
        return new TrainTestData(
            StratifiedSplit.Part(data, testFraction, key, splitSeed, testPart: false),
            StratifiedSplit.Part(data, testFraction, key, splitSeed, testPart: true));
    }

    /// <summary>
    /// Shuffles rows through a pool of <paramref name="shufflePoolSize"/> rows, so memory stays bounded however many
    /// rows stream through. Rows move at most about the pool size from where they were unless
    /// <paramref name="shuffleSource"/> also shuffles a source that can shuffle itself.
    /// </summary>
    /// <param name="input">The rows.</param>
    /// <param name="seed">Seed of the order; null draws one from the context.</param>
    /// <param name="shufflePoolSize">The number of rows held in memory.</param>
    /// <param name="shuffleSource">Whether to ask the source for a shuffled cursor as well, when it can give one.</param>
    public IDataView ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = 1000, bool shuffleSource = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(shufflePoolSize, 1);
        return new ShuffleDataView(input, seed ?? Context.NextComponentSeed(), shufflePoolSize, shuffleSource);
    }

    /// <summary>The first <paramref name="count"/> rows; the source is not read further.</summary>
    /// <param name="input">The rows.</param>
    /// <param name="count">How many rows to keep.</param>
    public IDataView TakeRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, 0, count);
    }

    /// <summary>All rows but the first <paramref name="count"/>.</summary>
    /// <param name="input">The rows.</param>
    /// <param name="count">How many rows to skip.</param>
    public IDataView SkipRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, count, long.MaxValue);
    }

    /// <summary>Keeps the rows whose value of a numeric or key column is in [<paramref name="lowerBound"/>, <paramref name="upperBound"/>).</summary>
    /// <param name="input">The rows.</param>
    /// <param name="columnName">A scalar Single, Double, Int32, Int64 or key column.</param>
    /// <param name="lowerBound">Inclusive lower bound.</param>
    /// <param name="upperBound">Exclusive upper bound.</param>
    public IDataView FilterRowsByColumn(IDataView input, string columnName, double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(lowerBound < upperBound))
            throw new ArgumentOutOfRangeException(nameof(upperBound), upperBound, $"The upper bound must be greater than the lower bound {lowerBound}.");
        return NumericRangeFilter.Apply(input, input.Schema[columnName], lowerBound, upperBound);
    }

    /// <summary>Reads <paramref name="input"/> once, on the first cursor, and serves every later cursor from memory; the result can shuffle.</summary>
    /// <param name="input">The rows.</param>
    public IDataView Cache(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new CacheDataView(input);
    }
}
