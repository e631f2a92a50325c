using Gan.MLNet.Transforms;

using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests.Gans;

[TestClass]
public sealed class GanGenerateErrorTests
{
    [TestMethod]
    public void ContradictoryOptionsAreRefusedWhenTheEstimatorIsMade()
    {
        var context = new MLContext();
        var options = GanGenerateTestData.Options();
        Assert.AreEqual("SyntheticRowsPerClass", Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(options with { SyntheticRowsPerClass = 2, BalanceClasses = true })).ParamName);
        Assert.AreEqual("InputColumnName", Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(options with { InputColumnName = "Other" })).ParamName);
        Assert.AreEqual("BalanceClasses", Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(GanGenerateTestData.Options(label: null) with { BalanceClasses = true })).ParamName);
        Assert.AreEqual("SyntheticRatio", Assert.ThrowsExactly<ArgumentException>(() => context.Transforms.GanGenerate(options with { SyntheticRatio = double.NaN })).ParamName);
    }

    [TestMethod]
    public void ATextColumnIsASchemaMismatch()
    {
        var context = new MLContext();
        var data = GanGenerateTestData.Keyed(context);
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.GanGenerate("Species", null, GanGenerateTestData.Options(label: null)).Fit(
            context.Data.LoadFromEnumerable(GanGenerateTestData.Rows().ToList())));
        Assert.AreEqual("Species", error.ColumnName);
        Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.GanGenerate(GanGenerateTestData.Options()).GetOutputSchema(Shapes.Of(
            context.Data.LoadFromEnumerable(GanGenerateTestData.Rows().ToList()).Schema)));
        Assert.IsNotNull(data);
    }

    [TestMethod]
    public void ALabelThatIsNotAKeyIsASchemaMismatchNamingIt()
    {
        var context = new MLContext();
        var data = context.Data.LoadFromEnumerable(GanGenerateTestData.Rows().ToList());
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.GanGenerate("Features", "Weight", GanGenerateTestData.Options()).Fit(data));
        Assert.AreEqual("Weight", error.ColumnName);
        StringAssert.Contains(error.Message, "MapValueToKey");
    }

    [TestMethod]
    public void AMissingColumnIsNamed()
    {
        var context = new MLContext();
        var data = GanGenerateTestData.Keyed(context);
        var error = Assert.ThrowsExactly<ColumnNotFoundException>(() => context.Transforms.GanGenerate("Pixels", "Species", GanGenerateTestData.Options()).Fit(data));
        StringAssert.Contains(error.Message, "Pixels");
    }

    [TestMethod]
    public void ANonFiniteValueIsReportedWithItsRowAndColumn()
    {
        var context = new MLContext();
        var rows = GanGenerateTestData.Rows().ToList();
        rows[12].Features[1] = float.NaN;
        var raw = context.Data.LoadFromEnumerable(rows);
        var data = context.Transforms.Conversion.MapValueToKey("Species").Fit(raw).Transform(raw);
        var error = Assert.ThrowsExactly<InvalidColumnValueException>(() => context.Transforms.GanGenerate(GanGenerateTestData.Options()).Fit(data));
        Assert.AreEqual(12, error.Row);
        Assert.AreEqual("Features", error.ColumnName);
        StringAssert.Contains(error.Message, "slot 1");
    }

    [TestMethod]
    public void AnUnknownLabelForGenerateListsTheClasses()
    {
        var context = new MLContext();
        var data = GanGenerateTestData.Keyed(context);
        using var transformer = context.Transforms.GanGenerate(GanGenerateTestData.Options()).Fit(data);
        var error = Assert.ThrowsExactly<ArgumentException>(() => context.Data.Generate(transformer, 3, "z"));
        StringAssert.Contains(error.Message, "a, b, c");
    }
}
