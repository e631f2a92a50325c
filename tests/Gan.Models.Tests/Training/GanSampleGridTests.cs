using Gan.Imaging;
using Gan.Models.Training;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Training;

[TestClass]
public sealed class GanSampleGridTests
{
    [TestMethod]
    public void RgbSamplesMapMinusOneToBlackAndOneToWhite()
    {
        using var samples = tensor(new float[] { 1, 1, 1, -1, 1, 0 }, [2, 3, 1, 1]);
        var images = GanSampleGrid.ToImages(samples);
        Assert.HasCount(2, images);
        Assert.AreEqual(PixelFormat.Rgb24, images[0].Format);
        Assert.AreEqual(new ImageColor(0, 255, 128), images[1].GetPixel(0, 0));
    }

    [TestMethod]
    public void VectorsBecomeSquaresWhenTheyCanAndStripsOtherwise()
    {
        using var square = zeros(3, 9);
        var squares = GanSampleGrid.ToImages(square);
        Assert.AreEqual((3, 3, PixelFormat.Gray8), (squares[0].Width, squares[0].Height, squares[0].Format));
        using var strip = zeros(1, 5);
        var strips = GanSampleGrid.ToImages(strip);
        Assert.AreEqual(5, strips[0].Width);
        Assert.IsGreaterThan(1, strips[0].Height);
    }

    [TestMethod]
    public void ChannelsOtherThanRgbAreStackedAsGray()
    {
        using var samples = zeros(1, 2, 4, 5);
        var image = GanSampleGrid.ToImages(samples)[0];
        Assert.AreEqual((5, 8, PixelFormat.Gray8), (image.Width, image.Height, image.Format));
    }
}
