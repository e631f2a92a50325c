using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>Adds copies of columns under new names (type and annotations kept).</summary>
public sealed class ColumnCopyingTransformer : OneToOneTransformerBase
{
    internal ColumnCopyingTransformer(params (string outputColumnName, string inputColumnName)[] columns) : base(columns) { }

    /// <summary>The registry kind of saved CopyColumns transformers.</summary>
    internal const string ModelKind = "CopyColumns";

    /// <summary>Saves the column pairs.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        ColumnPairsOption.Save(context, ColumnPairs);
    }

    /// <summary>Recreates a saved transformer.</summary>
    internal static ITransformer Load(ModelLoadContext context) => new ColumnCopyingTransformer(ColumnPairsOption.Load(context));

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) => new(inputColumn);

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        UntypedGetters.GetGetter(input, inputColumn);
}
