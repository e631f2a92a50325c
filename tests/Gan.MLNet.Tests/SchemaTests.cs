using Gan.MLNet.Data;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class SchemaTests
{
    private static DataViewSchema ThreeColumns()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", NumberDataViewType.Single);
        builder.AddColumn("Image", new VectorDataViewType(NumberDataViewType.Single, 28, 28));
        builder.AddColumn("Path", TextDataViewType.Instance);
        return builder.ToSchema();
    }

    [TestMethod]
    public void ColumnsAreFoundByNameAndIndex()
    {
        var schema = ThreeColumns();
        Assert.AreEqual(3, schema.Count);
        Assert.AreEqual(1, schema["Image"].Index);
        Assert.AreEqual("Path", schema[2].Name);
        Assert.AreEqual(784, ((VectorDataViewType)schema["Image"].Type).Size);
        Assert.IsNull(schema.GetColumnOrNull("label"));
    }

    [TestMethod]
    public void UnknownNameListsTheAvailableColumns()
    {
        var error = Assert.ThrowsExactly<ColumnNotFoundException>(() => ThreeColumns()["Lable"]);
        Assert.AreEqual("Column 'Lable' not found; the schema has: Label, Image, Path", error.Message);
        Assert.AreEqual("Lable", error.ColumnName);
        Assert.IsInstanceOfType<ArgumentOutOfRangeException>(error);
    }

    [TestMethod]
    public void ReusedNameHidesTheEarlierColumn()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("X", NumberDataViewType.Int32);
        builder.AddColumn("Y", BooleanDataViewType.Instance);
        builder.AddColumn("X", TextDataViewType.Instance);
        var schema = builder.ToSchema();
        Assert.IsTrue(schema[0].IsHidden);
        Assert.IsFalse(schema[2].IsHidden);
        Assert.AreEqual(2, schema["X"].Index);
        Assert.AreEqual(TextDataViewType.Instance, schema["X"].Type);
    }

    [TestMethod]
    public void AnnotationsCarryKeyValues()
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        var names = new VBuffer<ReadOnlyMemory<char>>(2, ["cat".AsMemory(), "dog".AsMemory()]);
        annotations.Add(AnnotationKinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, 2), (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), 2), annotations.ToAnnotations());
        var column = builder.ToSchema()["Label"];

        Assert.IsTrue(column.HasKeyValues());
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        CollectionAssert.AreEqual(new[] { "cat", "dog" }, values.DenseValues().Select(v => v.ToString()).ToArray());
        float wrong = 0;
        Assert.ThrowsExactly<GetterTypeMismatchException>(() => column.Annotations.GetValue(AnnotationKinds.KeyValues, ref wrong));
    }

    [TestMethod]
    public void TypesCompareByValueAndPrintReadably()
    {
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 3));
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single));
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 4), new KeyDataViewType(typeof(uint), 4));
        Assert.AreEqual("Vector<Single, 2, 3>", new VectorDataViewType(NumberDataViewType.Single, 2, 3).ToString());
        Assert.AreEqual("Vector<Double>", new VectorDataViewType(NumberDataViewType.Double).ToString());
        Assert.IsFalse(new VectorDataViewType(NumberDataViewType.Double).IsKnownSize);
        Assert.AreEqual(typeof(VBuffer<float>), new VectorDataViewType(NumberDataViewType.Single, 3).RawType);
        Assert.ThrowsExactly<ArgumentException>(() => new KeyDataViewType(typeof(int), 3));
    }

    [TestMethod]
    public void VBufferEditorReusesALargeEnoughArray()
    {
        var buffer = new VBuffer<int>(3, [1, 2, 3]);
        var editor = VBufferEditor.Create(ref buffer, 2);
        editor.Values[0] = 7;
        editor.Values[1] = 8;
        var edited = editor.Commit();
        Assert.AreEqual(2, edited.Length);
        CollectionAssert.AreEqual(new[] { 7, 8 }, edited.ToArray());
        Assert.AreSame(buffer.BackingArray, edited.BackingArray);
        var grown = VBufferEditor.Create(ref buffer, 5).Commit();
        Assert.AreNotSame(buffer.BackingArray, grown.BackingArray);
    }
}
