using Gan.Models.Training;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Training;

[TestClass]
public sealed class DiscriminatorAugmenterTests
{
    private const int Count = 64, Height = 12, Width = 16;

    [TestMethod]
    public void NoneGivesTheImagesBackUntouched()
    {
        using var images = Distinct();
        using var random = new Generator(1);
        Assert.AreSame(images, DiscriminatorAugmenter.Apply(images, DiscriminatorAugmentation.None, random));
    }

    [TestMethod]
    public void TranslationMovesEachImageByWholePixelsWithinAnEighthRepeatingTheEdges()
    {
        using var images = Distinct();
        using var random = new Generator(2);
        using var moved = DiscriminatorAugmenter.Apply(images, DiscriminatorAugmentation.Translation, random);
        var input = images.data<float>().ToArray();
        var output = moved.data<float>().ToArray();
        var shifts = new HashSet<(int, int)>();
        for (int n = 0; n < Count; n++)
        {
            // Exactly one shift within the bound reproduces each image: the values are moved, never blended.
            var matches = (from dy in Enumerable.Range(-2, 5)
                           from dx in Enumerable.Range(-2, 5)
                           where IsShifted(input, output, n, dy, dx)
                           select (dy, dx)).ToList();
            Assert.HasCount(1, matches, $"image {n}");
            shifts.Add(matches[0]);
        }
        Assert.IsGreaterThan(10, shifts.Count, "each image draws its own shift");
    }

    [TestMethod]
    public void CutoutZeroesOneRectangleOfAtMostHalfTheSizeInEachImage()
    {
        using var images = ones(Count, 2, Height, Width);
        using var random = new Generator(3);
        using var cut = DiscriminatorAugmenter.Apply(images, DiscriminatorAugmentation.Cutout, random);
        var values = cut.data<float>().ToArray();
        var areas = new HashSet<int>();
        for (int n = 0; n < Count; n++)
        {
            var zeros = (from c in Enumerable.Range(0, 2)
                         from y in Enumerable.Range(0, Height)
                         from x in Enumerable.Range(0, Width)
                         where values[((n * 2 + c) * Height + y) * Width + x] == 0
                         select (c, y, x)).ToList();
            Assert.IsTrue(values.Skip(n * 2 * Height * Width).Take(2 * Height * Width).All(v => v is 0 or 1));
            Assert.IsNotEmpty(zeros, $"image {n}: a cut centred in the image always covers a pixel");
            int top = zeros.Min(z => z.y), bottom = zeros.Max(z => z.y), left = zeros.Min(z => z.x), right = zeros.Max(z => z.x);
            int rows = bottom - top + 1, columns = right - left + 1;
            Assert.IsLessThanOrEqualTo(Height / 2, rows);
            Assert.IsLessThanOrEqualTo(Width / 2, columns);
            Assert.HasCount(2 * rows * columns, zeros, $"image {n}: one full rectangle, the same in every channel");
            areas.Add(rows * columns);
        }
        Assert.IsGreaterThan(1, areas.Count, "cuts that hang over the edge are smaller");
    }

    [TestMethod]
    public void GradientsFlowBackToThePixelsDTheAugmentedImagesCameFrom()
    {
        using var images = Distinct().requires_grad_(true);
        using var random = new Generator(4);
        using var augmented = DiscriminatorAugmenter.Apply(images, DiscriminatorAugmentation.Translation | DiscriminatorAugmentation.Cutout, random);
        augmented.sum().backward();
        using var gradient = images.grad!;
        // Each kept output pixel reads one input pixel (edge pixels may be read several times); cut ones read none.
        float kept = augmented.ne(0).sum().item<long>();
        Assert.AreEqual(kept, gradient.sum().item<float>(), 1e-3f);
        Assert.IsTrue(gradient.ge(0).all().item<bool>());
    }

    [TestMethod]
    public void TheSameGeneratorStateGivesTheSameTransforms()
    {
        using var images = Distinct();
        using var first = new Generator(5);
        using var second = new Generator(5);
        var both = DiscriminatorAugmentation.Translation | DiscriminatorAugmentation.Cutout;
        using var a = DiscriminatorAugmenter.Apply(images, both, first);
        using var b = DiscriminatorAugmenter.Apply(images, both, second);
        CollectionAssert.AreEqual(a.data<float>().ToArray(), b.data<float>().ToArray());
        using var c = DiscriminatorAugmenter.Apply(images, both, first);
        CollectionAssert.AreNotEqual(a.data<float>().ToArray(), c.data<float>().ToArray(), "the next draw differs");
    }

    // Every pixel of every image different (and non-zero), so a shift is identified by its values.
    private static Tensor Distinct() => arange(1, Count * 2 * Height * Width + 1, dtype: ScalarType.Float32).view(Count, 2, Height, Width);

    // Whether image n of output is image n of input moved by (dy, dx), the uncovered border repeating input's edge.
    private static bool IsShifted(float[] input, float[] output, int n, int dy, int dx)
    {
        for (int c = 0; c < 2; c++)
            for (int y = 0; y < Height; y++)
                for (int x = 0; x < Width; x++)
                {
                    int sourceY = Math.Clamp(y - dy, 0, Height - 1), sourceX = Math.Clamp(x - dx, 0, Width - 1);
                    if (output[((n * 2 + c) * Height + y) * Width + x] != input[((n * 2 + c) * Height + sourceY) * Width + sourceX]) return false;
                }
        return true;
    }
}
