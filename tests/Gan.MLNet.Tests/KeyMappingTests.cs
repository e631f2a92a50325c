using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class KeyMappingTests
{
    private static readonly MLContext Context = new(1);

    private static IDataView Labels(params string[] labels) =>
        Context.Data.LoadFromEnumerable(labels.Select((l, i) => new LabeledRow { Id = i, Label = l, Value = i }).ToList());

    private static string[] KeyValues(IDataView data, string column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        data.Schema[column].GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    [TestMethod]
    public void KeysFollowFirstOccurrenceByDefault()
    {
        var data = Labels("dog", "cat", "dog", "bird");
        var keyed = Context.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new uint[] { 1, 2, 1, 3 }, keyed.GetColumn<uint>("Label").ToArray());
        CollectionAssert.AreEqual(new[] { "dog", "cat", "bird" }, KeyValues(keyed, "Label"));
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), keyed.Schema["Label"].Type);
        Assert.IsTrue(keyed.Schema[1].IsHidden, "the original Label is hidden, not removed");
    }

    [TestMethod]
    public void KeysByValueAreSorted()
    {
        var data = Labels("dog", "cat", "dog", "bird");
        var keyed = Context.Transforms.Conversion.MapValueToKey("Key", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new uint[] { 3, 2, 3, 1 }, keyed.GetColumn<uint>("Key").ToArray());
        CollectionAssert.AreEqual(new[] { "bird", "cat", "dog" }, KeyValues(keyed, "Key"));
    }

    [TestMethod]
    public void UnseenValuesAndValuesBeyondTheMaximumAreMissing()
    {
        var model = Context.Transforms.Conversion.MapValueToKey("Key", "Label", maximumNumberOfKeys: 2).Fit(Labels("a", "b", "c", "a"));
        var keyed = model.Transform(Labels("c", "b", "z", "a"));
        CollectionAssert.AreEqual(new uint[] { 0, 2, 0, 1 }, keyed.GetColumn<uint>("Key").ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, model.KeyCounts.ToArray());
    }

    [TestMethod]
    public void NumericKeysKeepTheirTypeOrBecomeText()
    {
        var data = Labels("a", "b", "c");
        var numeric = Context.Transforms.Conversion.MapValueToKey("Key", "Value").Fit(data).Transform(data);
        VBuffer<float> values = default;
        numeric.Schema["Key"].GetKeyValues(ref values);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 2f }, values.ToArray());

        var text = Context.Transforms.Conversion.MapValueToKey("Key", "Value", addKeyValueAnnotationsAsText: true).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { "0", "1", "2" }, KeyValues(text, "Key"));
    }

    [TestMethod]
    public void ValueToKeyToValueRoundTrips()
    {
        var data = Labels("dog", "cat", "dog", "bird");
        var pipeline = Context.Transforms.Conversion.MapValueToKey("Key", "Label")
            .Append(Context.Transforms.Conversion.MapKeyToValue("Back", "Key"));
        var output = pipeline.Fit(data).Transform(data);
        Assert.AreEqual(TextDataViewType.Instance, output.Schema["Back"].Type);
        CollectionAssert.AreEqual(new[] { "dog", "cat", "dog", "bird" }, output.GetColumn<ReadOnlyMemory<char>>("Back").Select(v => v.ToString()).ToArray());
    }

    private sealed class VectorRow
    {
        [VectorType(3)]
        public float[] Values { get; set; } = [];
    }

    [TestMethod]
    public void VectorsMapItemByItemAndBack()
    {
        var data = Context.Data.LoadFromEnumerable(new[] { new VectorRow { Values = [5, 7, 5] }, new VectorRow { Values = [7, 9, float.NaN] } });
        var model = Context.Transforms.Conversion.MapValueToKey("Keys", "Values")
            .Append(Context.Transforms.Conversion.MapKeyToValue("Back", "Keys")).Fit(data);
        var output = model.Transform(data);
        Assert.AreEqual(new VectorDataViewType(new KeyDataViewType(typeof(uint), 3), 3), output.Schema["Keys"].Type);
        var keys = output.GetColumn<VBuffer<uint>>("Keys").Select(v => v.ToArray()).ToArray();
        CollectionAssert.AreEqual(new uint[] { 1, 2, 1 }, keys[0]);
        CollectionAssert.AreEqual(new uint[] { 2, 3, 0 }, keys[1]);
        var back = output.GetColumn<VBuffer<float>>("Back").Select(v => v.ToArray()).ToArray();
        CollectionAssert.AreEqual(new[] { 5f, 7f, 5f }, back[0]);
        Assert.IsTrue(float.IsNaN(back[1][2]), "key 0 maps back to NaN");
    }

    [TestMethod]
    public void ErrorsNameTheColumnAndTheExpectedType()
    {
        var data = Labels("a");
        var notKey = Assert.ThrowsExactly<SchemaMismatchException>(() => Context.Transforms.Conversion.MapKeyToValue("Back", "Label").Fit(data));
        Assert.AreEqual("Schema mismatch for input column 'Label': expected a key or a vector of keys, got String.", notKey.Message);

        var keyed = Context.Data.LoadFromEnumerable(new[] { new AllTypesRow { FixedVector = new float[6] } });
        var noValues = Assert.ThrowsExactly<SchemaMismatchException>(() => Context.Transforms.Conversion.MapKeyToValue("Back", "Category").Fit(keyed));
        Assert.AreEqual("Schema mismatch for input column 'Category': expected a key column with a KeyValues annotation, got Key<UInt32, 0-4> without one.", noValues.Message);

        var model = Context.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data);
        var otherType = Context.Data.LoadFromEnumerable(new[] { new AllTypesRow { FixedVector = new float[6] } });
        var renamed = Context.Transforms.CopyColumns("Label", "Single").Fit(otherType).Transform(otherType);
        var mismatch = Assert.ThrowsExactly<SchemaMismatchException>(() => model.Transform(renamed));
        Assert.AreEqual("Schema mismatch for input column 'Label': expected String or a vector of String (the type the keys were learned from), got Single.", mismatch.Message);
    }
}
