using Gan.Imaging;
using Gan.Models.SuperResolution;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// C#-only: <see cref="SuperResolver.Upscale(Image)"/> end to end (8-bit RGB image in, tiles with their overlap through
/// the bundled network, 8-bit image out) on a fixed 128×128 image of uniform random bytes, with the default
/// <see cref="SuperResolverOptions"/> (96-pixel tiles) or one tile holding the whole image. Compare with the bare
/// network on the same input size (<see cref="SrInferenceWorkload"/>, and the peer's): the difference is the cost of
/// tiling (the overlap is computed twice) and of the pixel conversions.
/// </summary>
internal sealed class SuperResolverWorkload : Workload
{
    private readonly SrResNet _network;
    private readonly SuperResolver _resolver;
    private readonly Image _image;

    public SuperResolverWorkload(int scale, bool oneTile)
    {
        _network = BundledSrModel.Load(scale);
        _resolver = new SuperResolver(_network, oneTile ? new SuperResolverOptions { TileSize = SrInferenceWorkload.InputSide } : null);
        int side = SrInferenceWorkload.InputSide;
        var pixels = new byte[side * side * 3];
        new Random(0).NextBytes(pixels);
        _image = Image.FromPixels(side, side, PixelFormat.Rgb24, pixels);
        Name = $"srresnet_x{scale}_resolver" + (oneTile ? "_one_tile" : "");
    }

    public override string Name { get; }
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 2, Iterations: 3, Repeats: 5);

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++) _resolver.Upscale(_image);
    }

    public override void Dispose() => _network.Dispose();
}
