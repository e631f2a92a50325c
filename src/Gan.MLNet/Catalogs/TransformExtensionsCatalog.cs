using Gan.MLNet.Transforms;

namespace Gan.MLNet;

/// <summary>Column transforms on <c>mlContext.Transforms</c>.</summary>
public static class TransformExtensionsCatalog
{
    /// <summary>Concatenates scalars and vectors of one item type into a vector column.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The vector column to produce.</param>
    /// <param name="inputColumnNames">The columns to concatenate, in order.</param>
    public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnConcatenatingEstimator(outputColumnName, inputColumnNames);
    }

    /// <summary>Copies a column under a new name.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The copy.</param>
    /// <param name="inputColumnName">The column to copy.</param>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName) =>
        catalog.CopyColumns(new InputOutputColumnPair(outputColumnName, inputColumnName));

    /// <summary>Copies columns under new names.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columns">Copy and source names.</param>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnCopyingEstimator(InputOutputColumnPair.ToTuples(columns));
    }

    /// <summary>Drops columns (hidden ones of the same names too); they are no longer computed.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columnNames">The columns to drop; each must exist.</param>
    public static ColumnSelectingEstimator DropColumns(this TransformsCatalog catalog, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(columnNames, keep: false);
    }

    /// <summary>Keeps only the named columns, in the order given; hidden columns are dropped.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columnNames">The columns to keep; each must exist.</param>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(columnNames, keep: true);
    }
}
