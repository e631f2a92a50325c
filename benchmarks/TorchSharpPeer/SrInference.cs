using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Inference of a bundled SRResNet (weights from the same safetensors file as the other sides) on one fixed
/// 1×3×128×128 input uniform in [0, 1], under inference mode: the peer's <c>SrInference</c>.
/// </summary>
internal sealed class SrInference : Workload
{
    private const int InputSide = 128;

    private readonly SrResNet _network;

    public SrInference(int scale)
    {
        _network = SrResNet.Load(BundledModelPath(scale));
        Input = rand(1, 3, InputSide, InputSide);
        Name = $"srresnet_x{scale}_infer";
    }

    /// <summary>The fixed input.</summary>
    public Tensor Input { get; }

    public override string Name { get; }
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override int Warmup => 2;
    public override int Iterations => 3;
    public override int Repeats => 5;

    /// <summary>The network's output for <see cref="Input"/> (the caller disposes it).</summary>
    public Tensor Output()
    {
        using var inference = inference_mode();
        return _network.call(Input);
    }

    public override void RunBatch(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            _network.call(Input);
        }
    }

    /// <summary>src/Gan.Models/SuperResolution/Bundled/srresnet-x<paramref name="scale"/>.safetensors, found above this binary.</summary>
    private static string BundledModelPath(int scale)
    {
        string relative = Path.Combine("src", "Gan.Models", "SuperResolution", "Bundled", $"srresnet-x{scale}.safetensors");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"the bundled model {relative} was not found above {AppContext.BaseDirectory}");
    }

    public override void Dispose()
    {
        _network.Dispose();
        Input.Dispose();
    }
}
