using Gan.MLNet.Tests.Support;

namespace Gan.MLNet.Tests;

[TestClass]
public sealed class MLContextTests
{
    [TestMethod]
    public void LogMessagesCarrySourceAndKind()
    {
        var context = new MLContext(2);
        var messages = new List<LoggingEventArgs>();
        context.Log += (_, e) => messages.Add(e);
        context.Data.TrainTestSplit(context.Data.LoadFromEnumerable(LabeledRow.Generate(3, "a")), 0.5, seed: 9);
        var message = messages.Single();
        Assert.AreEqual(ChannelMessageKind.Info, message.Kind);
        Assert.AreEqual("DataOperationsCatalog", message.Source);
        Assert.AreEqual("TrainTestSplit: test fraction 0.5, seed 9.", message.RawMessage);
        Assert.AreEqual("[Source=DataOperationsCatalog, Kind=Info] TrainTestSplit: test fraction 0.5, seed 9.", message.Message);
    }

    [TestMethod]
    public void KeyLearningReportsItsCounts()
    {
        var context = new MLContext(2);
        var messages = new List<string>();
        context.Log += (_, e) => messages.Add(e.Message);
        var data = context.Data.LoadFromEnumerable(LabeledRow.Generate(6, "a", "b", "c"));
        context.Transforms.Conversion.MapValueToKey("Key", "Label", maximumNumberOfKeys: 2).Append(context.Transforms.Conversion.MapValueToKey("Id")).Fit(data);
        CollectionAssert.AreEqual(new[]
        {
            "[Source=ValueToKeyMappingEstimator, Kind=Info] Column 'Label': 2 keys (the maximum: later new values map to missing).",
            "[Source=ValueToKeyMappingEstimator, Kind=Info] Column 'Id': 6 keys.",
        }, messages);
    }

    [TestMethod]
    public void ComponentRandomsFollowTheSeed()
    {
        int[] Draws(int? seed)
        {
            var context = new MLContext(seed);
            return [context.CreateRandom().Next(), context.CreateRandom().Next(), context.NextComponentSeed()];
        }
        CollectionAssert.AreEqual(Draws(42), Draws(42));
        CollectionAssert.AreNotEqual(Draws(42), Draws(43));
        Assert.AreEqual(42, new MLContext(42).Seed);
        Assert.IsNull(new MLContext().Seed);
    }
}
