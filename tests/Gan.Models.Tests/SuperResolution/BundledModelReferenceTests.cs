using Gan.Models.SuperResolution;
using Gan.Models.Tests.Torch;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.ReferenceFixtures;

namespace Gan.Models.Tests.SuperResolution;

/// <summary>
/// The bundled ×2 and ×4 SRResNets against what the libtorch 1.13 engine computed on a 37×29 crop of a photograph
/// (Fixtures/References/srresnet-x{2,4}.reference.safetensors; the README there says how they were made).
/// </summary>
[TestClass]
public sealed class BundledModelReferenceTests
{
    // The tiling the x2 reference's tiled_output was made with: 12-pixel cores make 4 × 3 tiles of 37 × 29 (the last
    // column 1 pixel wide), and an overlap of 3, far below the receptive radius, makes the seams visible.
    private static SuperResolverOptions ReferenceTiling => new() { TileSize = 12, Overlap = 3, BatchSize = 4 };

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void TheBundledModelUpscalesThePhotoCropAsTheReferenceEngineDid(int scale)
    {
        using var reference = Load($"srresnet-x{scale}.reference.safetensors");
        using var network = BundledSrModels.Load(scale);
        network.eval();
        using var noGrad = no_grad();

        using var output = network.call(reference["input"]);

        AssertMatches(output, reference["output"], $"×{scale} forward");
        // Not the bicubic residual alone: a network whose weights did not load would miss the reference.
        using var bicubic = AntialiasedBicubic.Upscale(reference["input"], scale);
        Assert.IsGreaterThan(0.05f, MaxDifference(reference["output"], bicubic), "the reference holds the network's own detail");
    }

    [TestMethod]
    public void SuperResolverTilesAndBatchesThePhotoCropAsTheReferenceEngineDid()
    {
        using var reference = Load("srresnet-x2.reference.safetensors");
        using var network = BundledSrModels.Load(2);

        using var tiled = new SuperResolver(network, ReferenceTiling).Upscale(reference["input"]);

        AssertMatches(tiled, reference["tiled_output"], "×2 tiled");
        Assert.IsGreaterThan(1e-3f, MaxDifference(reference["tiled_output"], reference["output"]),
            "with an overlap below the receptive radius the seams differ from the untiled output, so the reference pins the tiling");
    }

    [TestMethod]
    public void TilesWithTheReceptiveOverlapReproduceTheUntiledReference()
    {
        using var reference = Load("srresnet-x2.reference.safetensors");
        using var network = BundledSrModels.Load(2);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 12 });

        using var tiled = resolver.Upscale(reference["input"]);

        Assert.IsLessThan((int)reference["input"].size(3), resolver.TileSize, "the crop spans several tiles");
        AssertMatches(tiled, reference["output"], "×2 tiled with the receptive overlap");
    }

    /// <summary>
    /// SuperResolver runs channels-last, except where oneDNN is capped at SSE4.1 (there the plain layout is the fast
    /// one): each layout, in a process of its own with that cap or none, reproduces the reference.
    /// </summary>
    [TestMethod]
    [DataRow("SSE41", false)]
    [DataRow("ALL", true)]
    public void SuperResolverReproducesTheReferenceInTheLayoutItChoosesForTheCap(string isa, bool channelsLast)
    {
        var (exitCode, output) = ChildProcess.Run(UpscaleTheReferenceCropThroughTiles, new Dictionary<string, string?> { [OneDnnIsa.Variable] = isa });

        Assert.AreEqual(0, exitCode, output);
        Assert.Contains($"channels-last {channelsLast}", output);
    }

    private static void UpscaleTheReferenceCropThroughTiles()
    {
        using var network = BundledSrModels.Load(2);
        using var reference = Load("srresnet-x2.reference.safetensors");
        using var tiled = new SuperResolver(network, new SuperResolverOptions { TileSize = 12 }).Upscale(reference["input"]);
        AssertMatches(tiled, reference["output"], "×2 tiled with the receptive overlap");
        Console.WriteLine($"channels-last {!OneDnnIsa.IsCappedAtSse41}");
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void TheBundledModelFileHoldsTheSrResNetStateDictKeys(int scale)
    {
        using var stream = typeof(BundledSrModels).Assembly.GetManifestResourceStream(BundledSrModels.ResourceName(scale));
        Assert.IsNotNull(stream, $"the build must embed srresnet-x{scale}.safetensors");
        using var file = SafeTensors.Load(stream);

        AssertKeys(SrResNetKeys(scale, blocks: 8), file);
    }

    // The bundled models: 8 blocks, no BatchNorm; one upsampling stage (conv, PixelShuffle, PReLU) per factor 2.
    private static string[] SrResNetKeys(int scale, int blocks) =>
    [
        "head.weight", "head.bias", "head_act.weight",
        .. Enumerable.Range(0, blocks).SelectMany(b => new[]
        {
            $"blocks.{b}.conv1.weight", $"blocks.{b}.conv1.bias", $"blocks.{b}.activation.weight",
            $"blocks.{b}.conv2.weight", $"blocks.{b}.conv2.bias",
        }),
        "trunk_conv.weight", "trunk_conv.bias",
        "upsampler.0.weight", "upsampler.0.bias", "upsampler.2.weight",
        .. scale == 4 ? new[] { "upsampler.3.weight", "upsampler.3.bias", "upsampler.5.weight" } : [],
        "tail.weight", "tail.bias",
    ];
}
