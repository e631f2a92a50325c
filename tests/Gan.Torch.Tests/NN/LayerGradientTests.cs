using Gan.Torch.NN;
using Gan.Torch.Tests.Support;

namespace Gan.Torch.Tests.NN;

// Each layer's forward against finite differences, in float64, with respect to its input and its parameters.
[TestClass]
public sealed class LayerGradientTests
{
    private static void Check(Module<Tensor, Tensor> layer, Tensor input, string what)
    {
        layer.To(DType.Float64);
        Tensor[] inputs = [input, .. layer.Parameters()];
        GradCheck.Assert(x => layer.Call(x[0]), inputs, what: what);
    }

    [TestMethod]
    public void Linear()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new Linear(4, 3);
        Check(layer, GradCheck.Input(2, 4), "Linear");
    }

    [TestMethod]
    public void Conv2d()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new Conv2d(2, 3, 3, stride: 2, padding: 1);
        Check(layer, GradCheck.Input(2, 2, 5, 5), "Conv2d");
        using var reflect = new Conv2d(1, 2, (3, 2), padding: (1, 1), paddingMode: PaddingMode.Reflect);
        Check(reflect, GradCheck.Input([1, 1, 4, 4], seed: 5), "Conv2d reflect");
    }

    [TestMethod]
    public void ConvTranspose2d()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new ConvTranspose2d(3, 2, 4, stride: 2, padding: 1);
        Check(layer, GradCheck.Input(1, 3, 3, 3), "ConvTranspose2d");
    }

    [TestMethod]
    public void BatchNorm2dInTraining()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new BatchNorm2d(2);
        using (Torch.NoGrad())
        {
            Init.Uniform(layer.Weight!, 0.5, 1.5);
            Init.Uniform(layer.Bias!, -0.5, 0.5);
        }
        Check(layer, GradCheck.Input(3, 2, 2, 2), "BatchNorm2d");
    }

    [TestMethod]
    public void BatchNorm1dInTraining()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new BatchNorm1d(3);
        Check(layer, GradCheck.Input(4, 3), "BatchNorm1d");
    }

    [TestMethod]
    public void EmbeddingWeight()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new Embedding(5, 3);
        layer.To(DType.Float64);
        var labels = Torch.FromArray(new[] { 4L, 0L, 4L, 2L }, 2, 2);
        GradCheck.Assert(x => layer.Call(labels), [layer.Weight], what: "Embedding");
    }

    [TestMethod]
    public void PReLU()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new PReLU(3);
        Check(layer, GradCheck.Input(2, 3, 2, 2), "PReLU");
        using var shared = new PReLU();
        Check(shared, GradCheck.Input([2, 3], seed: 9), "PReLU shared");
    }

    [TestMethod]
    public void PixelShuffle()
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = new PixelShuffle(2);
        Check(layer, GradCheck.Input(1, 8, 2, 3), "PixelShuffle");
    }

    [TestMethod]
    public void Upsample()
    {
        using var scope = Torch.NewDisposeScope();
        using var bilinear = new Upsample(2, InterpolationMode.Bilinear);
        Check(bilinear, GradCheck.Input(1, 2, 3, 3), "Upsample bilinear");
        using var nearest = new Upsample(1.5);
        Check(nearest, GradCheck.Input([1, 1, 2, 4], seed: 3), "Upsample nearest");
    }
}
