using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Adds copies of columns under new names (type and annotations kept).</summary>
public sealed class ColumnCopyingTransformer : OneToOneTransformerBase
{
    internal ColumnCopyingTransformer(params (string outputColumnName, string inputColumnName)[] columns) : base(columns) { }

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) => new(inputColumn);

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        UntypedGetters.GetGetter(input, inputColumn);
}
