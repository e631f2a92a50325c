using Gan.MLNet.Data;
using Gan.MLNet.Tests.Support;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class PipelineTests
{
    private static IEnumerable<LabeledRow> Rows() => LabeledRow.Generate(12, "cat", "dog", "cat", "bird");

    [TestMethod]
    public void SchemaPropagatesThroughAChain()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Rows());
        var pipeline = context.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(context.Transforms.Concatenate("Features", "Value", "Value"))
            .Append(context.Transforms.CopyColumns("Copy", "Features"))
            .Append(context.Transforms.DropColumns("Id"));

        var shape = pipeline.GetOutputSchema(SchemaShape.Create(data.Schema));
        CollectionAssert.AreEqual(new[] { "Label", "Value", "LabelKey", "Features", "Copy" }, shape.Select(c => c.Name).ToArray());
        Assert.IsTrue(shape.FindColumn("LabelKey").IsKey);
        Assert.AreEqual("Vector<Single>", shape.FindColumn("Copy").GetTypeString());

        using var model = pipeline.Fit(data);
        var output = model.Transform(data);
        CollectionAssert.AreEqual(new[] { "Label", "Value", "LabelKey", "Features", "Copy" }, output.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), output.Schema["LabelKey"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2), output.Schema["Copy"].Type);
        Assert.AreEqual(output.Schema.Count, model.GetOutputSchema(data.Schema).Count);
        Assert.IsInstanceOfType<ColumnSelectingTransformer>(model.LastTransformer);
        Assert.HasCount(4, model);
    }

    [TestMethod]
    public void MissingColumnFailsBeforeAnyDataIsRead()
    {
        var context = new MLContext(1);
        var data = new CountingDataView(context.Data.LoadFromEnumerable(Rows()));
        var pipeline = context.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(context.Transforms.Concatenate("Features", "Value", "Vaule"));
        var error = Assert.ThrowsExactly<ColumnNotFoundException>(() => pipeline.Fit(data));
        Assert.AreEqual("Column 'Vaule' not found; the schema has: Id, Label, Value, LabelKey", error.Message);
        Assert.AreEqual(0L, data.ValuesRead("Label"));
    }

    [TestMethod]
    public void WrongTypeNamesColumnAndExpectedType()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Rows());
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.Concatenate("Features", "Value", "Label").Fit(data));
        Assert.AreEqual("Schema mismatch for input column 'Label': expected Single or a vector of Single (the item type of 'Value'), got String.", error.Message);

        var transformer = new AddOffsetTransformer("X", "Label", 1);
        var typed = Assert.ThrowsExactly<SchemaMismatchException>(() => transformer.Transform(data));
        Assert.AreEqual(("Label", "Single", "String"), (typed.ColumnName, typed.ExpectedType, typed.ActualType));
    }

    [TestMethod]
    public void TrainingMappingFeedsLaterEstimatorsOnly()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(3, "a"));
        var offset = new TrainingOnlyOffsetEstimator();
        using var model = offset.Append(context.Transforms.Conversion.MapValueToKey("ValueKey", "Value", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue), TransformerScope.TrainTest).Fit(data);

        // The key estimator was fitted on the training-time data (Value + 1000)...
        VBuffer<float> learned = default;
        model.LastTransformer.GetOutputSchema(data.Schema)["ValueKey"].GetKeyValues(ref learned);
        CollectionAssert.AreEqual(new[] { 1000f, 1000.5f, 1001f }, learned.ToArray());
        // ...while transforming afterwards leaves the data as it is, so the original values are unseen keys.
        var output = model.Transform(data);
        CollectionAssert.AreEqual(new[] { 0f, 0.5f, 1f }, output.GetColumn<float>("Value").ToArray());
        CollectionAssert.AreEqual(new uint[] { 0, 0, 0 }, output.GetColumn<uint>("ValueKey").ToArray());

        var scoring = model.GetModelFor(TransformerScope.Scoring);
        Assert.HasCount(1, scoring);
        Assert.AreSame(offset.Created, scoring.LastTransformer);
        Assert.HasCount(2, model.GetModelFor(TransformerScope.Training));
        Assert.IsEmpty(model.GetModelFor(TransformerScope.None));
        CollectionAssert.AreEqual(new[] { TransformerScope.Everything, TransformerScope.TrainTest }, model.Scopes.ToArray());
    }

    [TestMethod]
    public void NestedChainKeepsItsTrainingMapping()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(2, "a"));
        var inner = new EstimatorChain<ITransformer>().Append(new TrainingOnlyOffsetEstimator());
        using var model = inner.Append(context.Transforms.Conversion.MapValueToKey("ValueKey", "Value")).Fit(data);
        VBuffer<float> learned = default;
        model.LastTransformer.GetOutputSchema(data.Schema)["ValueKey"].GetKeyValues(ref learned);
        CollectionAssert.AreEqual(new[] { 1000f, 1000.5f }, learned.ToArray());
    }

    [TestMethod]
    public void DisposingAChainDisposesItsParts()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Rows());
        var estimator = new TrainingOnlyOffsetEstimator();
        var model = estimator.Append(context.Transforms.CopyColumns("C", "Value")).Fit(data);
        Assert.IsFalse(estimator.Created.Disposed);
        model.Dispose();
        Assert.IsTrue(estimator.Created.Disposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Transform(data));
    }

    [TestMethod]
    public void FailedFitDisposesWhatWasAlreadyFitted()
    {
        var context = new MLContext(1);
        var estimator = new TrainingOnlyOffsetEstimator();
        var pipeline = estimator.Append(new FailingEstimator());
        Assert.ThrowsExactly<InvalidOperationException>(() => pipeline.Fit(context.Data.LoadFromEnumerable(Rows())));
        Assert.IsTrue(estimator.Created.Disposed);
    }

    [TestMethod]
    public void TransformersAppendAndMapSingleRows()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(Rows());
        var chain = new AddOffsetTransformer("Plus1", "Value", 1).Append(new AddOffsetTransformer("Plus11", "Plus1", 10));
        Assert.IsTrue(chain.IsRowToRowMapper);
        var mapper = chain.GetRowToRowMapper(data.Schema);
        var output = mapper.OutputSchema["Plus11"];
        CollectionAssert.AreEqual(new[] { data.Schema["Value"] }, mapper.GetDependencies([output]).ToArray());

        using var cursor = data.GetRowCursor(mapper.GetDependencies([output]));
        using var row = mapper.GetRow(cursor, [output]);
        var getter = row.GetGetter<float>(output);
        var values = new List<float>();
        while (cursor.MoveNext())
        {
            float value = 0;
            getter(ref value);
            values.Add(value);
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, 12).Select(i => i * 0.5f + 11).ToArray(), values);
    }

    [TestMethod]
    public void CacheCheckpointServesLaterEstimatorsFromMemory()
    {
        var context = new MLContext(1);
        var data = new CountingDataView(context.Data.LoadFromEnumerable(Rows()));
        var pipeline = context.Transforms.CopyColumns("C", "Label").AppendCacheCheckpoint(context)
            .Append(context.Transforms.Conversion.MapValueToKey("K1", "C"))
            .Append(context.Transforms.Conversion.MapValueToKey("K2", "C"));
        using var model = pipeline.Fit(data);
        // One pass over the source fills the cache; both key estimators then read from memory.
        Assert.AreEqual(12L, data.ValuesRead("Id"));
    }
}
