using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class ColumnTransformTests
{
    private static readonly MLContext Context = new(1);

    private sealed class Parts
    {
        public float A { get; set; }
        [VectorType(2)]
        public float[] Fixed { get; set; } = [];
        public float[] Variable { get; set; } = [];
        public double D { get; set; }
    }

    private static IDataView Data() => Context.Data.LoadFromEnumerable(new[]
    {
        new Parts { A = 1, Fixed = [2, 3], Variable = [4] },
        new Parts { A = 5, Fixed = [6, 7], Variable = [8, 9, 10] },
    });

    [TestMethod]
    public void ConcatenatingKnownSizesGivesAKnownSize()
    {
        var data = Data();
        var output = Context.Transforms.Concatenate("Out", "A", "Fixed", "A").Fit(data).Transform(data);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 4), output.Schema["Out"].Type);
        var rows = output.GetColumn<VBuffer<float>>("Out").Select(v => v.ToArray()).ToArray();
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 1 }, rows[0]);
        CollectionAssert.AreEqual(new float[] { 5, 6, 7, 5 }, rows[1]);
    }

    [TestMethod]
    public void ConcatenatingAVariableVectorGivesAVariableSize()
    {
        var data = Data();
        var estimator = Context.Transforms.Concatenate("Out", "Fixed", "Variable");
        Assert.AreEqual(SchemaShape.Column.VectorKind.VariableVector, estimator.GetOutputSchema(SchemaShape.Create(data.Schema)).FindColumn("Out").Kind);
        var output = estimator.Fit(data).Transform(data);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), output.Schema["Out"].Type);
        var rows = output.GetColumn<VBuffer<float>>("Out").Select(v => v.ToArray()).ToArray();
        CollectionAssert.AreEqual(new float[] { 2, 3, 4 }, rows[0]);
        CollectionAssert.AreEqual(new float[] { 6, 7, 8, 9, 10 }, rows[1]);
    }

    [TestMethod]
    public void ConcatenatingDifferentItemTypesIsRefused()
    {
        var data = Data();
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => Context.Transforms.Concatenate("Out", "A", "D").GetOutputSchema(SchemaShape.Create(data.Schema)));
        Assert.AreEqual("D", error.ColumnName);
        Assert.AreEqual("Double", error.ActualType);
    }

    [TestMethod]
    public void CopyKeepsTypeAndAnnotations()
    {
        var data = Context.Data.LoadFromEnumerable(LabeledRow.Generate(3, "x", "y"));
        var keyed = Context.Transforms.Conversion.MapValueToKey("Key", "Label").Append(Context.Transforms.CopyColumns("KeyCopy", "Key")).Fit(data).Transform(data);
        Assert.AreEqual(keyed.Schema["Key"].Type, keyed.Schema["KeyCopy"].Type);
        Assert.IsTrue(keyed.Schema["KeyCopy"].HasKeyValues());
        CollectionAssert.AreEqual(keyed.GetColumn<uint>("Key").ToArray(), keyed.GetColumn<uint>("KeyCopy").ToArray());
    }

    [TestMethod]
    public void DropAndSelectShapeTheSchema()
    {
        var data = Data();
        var dropped = Context.Transforms.DropColumns("Fixed", "D").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "A", "Variable" }, dropped.Schema.Select(c => c.Name).ToArray());
        var selected = Context.Transforms.SelectColumns("D", "A").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "D", "A" }, selected.Schema.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 5f }, selected.GetColumn<float>("A").ToArray());
        var error = Assert.ThrowsExactly<ColumnNotFoundException>(() => Context.Transforms.DropColumns("Fixd").Fit(data));
        Assert.AreEqual("Column 'Fixd' not found; the schema has: A, Fixed, Variable, D", error.Message);
    }
}
