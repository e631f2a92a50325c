using Gan.MLNet.Data;

namespace Gan.MLNet.Tests.Support;

/// <summary>A row with one member of every supported column type.</summary>
public sealed class AllTypesRow
{
    public float Single;
    public double Double { get; set; }
    public int Int32;
    public long Int64 { get; set; }
    public bool Boolean;
    public string Text { get; set; } = "";

    [ColumnName("Features"), VectorType(2, 3)]
    public float[] FixedVector = [];

    public double[] VariableVector { get; set; } = [];

    [KeyType(5)]
    public uint Category;

    [NoColumn]
    public string Ignored = "not a column";
}
