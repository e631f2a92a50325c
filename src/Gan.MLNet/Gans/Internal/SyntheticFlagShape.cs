using Microsoft.ML;
using Microsoft.ML.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// The schema shape with GanGenerate's Boolean synthetic-flag column added. SchemaShape columns can only be made by
/// ML.NET's own estimators, so a CustomMapping that is never fitted describes it.
/// </summary>
internal static class SyntheticFlagShape
{
    public static SchemaShape Add(TransformsCatalog catalog, SchemaShape inputSchema, string flagColumnName)
    {
        var output = SchemaDefinition.Create(typeof(FlagRow));
        output[0].ColumnName = flagColumnName;
        return catalog.CustomMapping<NoColumns, FlagRow>(static (_, _) => { }, contractName: null, outputSchemaDefinition: output)
            .GetOutputSchema(inputSchema);
    }

    private sealed class NoColumns;

    private sealed class FlagRow
    {
        public bool IsSynthetic { get; set; }
    }
}
