using System.Text.Json.Nodes;
using Gan.MLNet.Data;
using Gan.MLNet.Transforms;

namespace Gan.MLNet.Tests.Images;

[TestClass]
public sealed class ImageArgumentTests
{
    [TestMethod]
    public void ImageTypesRoundTripThroughTheManifestJson()
    {
        foreach (var type in new[] { new ImageDataViewType(), new ImageDataViewType(7, 9) })
        {
            var json = TypeJson.Write(type, "Picture");
            Assert.AreEqual(type, TypeJson.Read(JsonNode.Parse(json.ToJsonString()), "column 'Picture'"));
        }
        Assert.AreEqual("""{"kind":"Image","height":7,"width":9}""", TypeJson.Write(new ImageDataViewType(7, 9), "Picture").ToJsonString());
        foreach (string malformed in (string[])["""{"kind":"Image"}""", """{"kind":"Image","height":-1,"width":3}""", """{"kind":"Image","height":0,"width":3}"""])
        {
            var error = Assert.ThrowsExactly<ModelFormatException>(() => TypeJson.Read(JsonNode.Parse(malformed), "column 'Picture'"), malformed);
            Assert.AreEqual("The manifest is malformed: the image type of column 'Picture' has no valid height and width.", error.Message);
        }
    }

    [TestMethod]
    public void InvalidSettingsAreRefusedWhenTheEstimatorIsMade()
    {
        var transforms = new MLContext(1).Transforms;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageDataViewType(0, 4));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ResizeImages("R", 0, 4));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ResizeImages("R", 4, 4, cropAnchor: (Anchor)9));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ExtractPixels("P", scaleImage: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ExtractPixels("P", colorsToExtract: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ExtractPixels("P", orderOfExtraction: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ConvertToImage(2, 2, "I", defaultRed: 256));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.ConvertToImage(0, 2, "I"));
        Assert.ThrowsExactly<ArgumentException>(() => transforms.LoadImages(new ImageLoadingEstimator.Options
        {
            OutputColumnName = "Image", ErrorHandling = ImageLoadErrorHandling.ErrorColumn, ErrorColumnName = "Image",
        }));
    }

    private sealed class VectorRow
    {
        [VectorType(5)]
        public float[] Values { get; set; } = [];
    }

    [TestMethod]
    public void ConvertToImageChecksTheVectorSize()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable([new VectorRow { Values = [1, 2, 3, 4, 5] }]);
        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => context.Transforms.ConvertToImage(1, 2, "I", "Values").Fit(data));
        Assert.AreEqual("Schema mismatch for input column 'Values': expected a vector of Single with 6 items, got Vector<Single, 5>.", error.Message);
    }
}
