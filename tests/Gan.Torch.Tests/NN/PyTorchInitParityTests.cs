using Gan.Torch.NN;

namespace Gan.Torch.Tests.NN;

// Same libtorch, same seed, same draws: the layers' default initialisation reproduces PyTorch's values exactly.
[TestClass]
public sealed class PyTorchInitParityTests
{
    // torch.manual_seed(0); nn.Linear(4, 3)
    private static readonly float[] LinearWeight =
    [
        -0.003743410110473633f, 0.26822179555892944f, -0.4115225672721863f, -0.3679695129394531f,
        -0.19257718324661255f, 0.13407868146896362f, -0.009906589984893799f, 0.39644473791122437f,
        -0.04437202215194702f, 0.1323062777519226f, -0.15110653638839722f, -0.09828269481658936f,
    ];
    private static readonly float[] LinearBias = [-0.4776742458343506f, -0.33114105463027954f, -0.20611155033111572f];

    [TestMethod]
    public void LinearWithAGeneratorMatchesPyTorch()
    {
        using var g = new Generator(0);
        using var linear = new Linear(4, 3);
        linear.ResetParameters(g);
        CollectionAssert.AreEqual(LinearWeight, linear.Weight.ToArray<float>());
        CollectionAssert.AreEqual(LinearBias, linear.Bias!.ToArray<float>());
    }

    [TestMethod]
    [DoNotParallelize]
    public void AFreshLinearAfterManualSeedMatchesPyTorch()
    {
        Torch.ManualSeed(0);
        using var linear = new Linear(4, 3);
        CollectionAssert.AreEqual(LinearWeight, linear.Weight.ToArray<float>());
        CollectionAssert.AreEqual(LinearBias, linear.Bias!.ToArray<float>());
    }

    [TestMethod]
    public void ConvolutionsMatchPyTorch()
    {
        using var g = new Generator(0);
        // torch.manual_seed(0); nn.Conv2d(2, 3, 2): fan_in = 2 × 2 × 2 = 8.
        using var conv = new Conv2d(2, 3, 2);
        conv.ResetParameters(g);
        CollectionAssert.AreEqual(
            new[] { -0.0026469905860722065f, 0.18966144323349f, -0.2909903824329376f, -0.26019373536109924f, -0.13617262244224548f, 0.0948079451918602f },
            conv.Weight.ToArray<float>().Take(6).ToArray());
        CollectionAssert.AreEqual(new[] { -0.05698692053556442f, 0.037410933524370193f, 0.3201341927051544f }, conv.Bias!.ToArray<float>());

        // torch.manual_seed(0); nn.ConvTranspose2d(2, 3, 2): fan_in from weight.size(1) = 3 × 2 × 2 = 12.
        g.ManualSeed(0);
        using var deconv = new ConvTranspose2d(2, 3, 2);
        deconv.ResetParameters(g);
        CollectionAssert.AreEqual(
            new[] { -0.0021612588316202164f, 0.15485791862010956f, -0.2375926673412323f, -0.21244730055332184f, -0.1111844852566719f, 0.07741036266088486f },
            deconv.Weight.ToArray<float>().Take(6).ToArray());
        CollectionAssert.AreEqual(new[] { -0.046529628336429596f, 0.030545899644494057f, 0.2613884508609772f }, deconv.Bias!.ToArray<float>());
    }

    [TestMethod]
    public void EmbeddingMatchesPyTorch()
    {
        using var g = new Generator(0);
        using var embedding = new Embedding(3, 2);
        embedding.ResetParameters(g);
        // torch.manual_seed(0); nn.Embedding(3, 2)
        CollectionAssert.AreEqual(
            new[] { 1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f, -1.0845223665237427f, -1.3985954523086548f },
            embedding.Weight.ToArray<float>());
    }
}
