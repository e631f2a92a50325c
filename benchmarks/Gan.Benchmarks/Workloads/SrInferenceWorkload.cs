using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>
/// Inference of a bundled SRResNet (weights from its safetensors file) on one fixed 3×128×128 input uniform in [0, 1],
/// under inference mode: the bare network, as the peer's <c>SrInference</c> runs it. The output is 128·scale pixels
/// square, so output megapixels/s = (128·scale)² / 10⁶ / seconds per iteration.
/// </summary>
internal sealed class SrInferenceWorkload : Workload
{
    /// <summary>The input's side in LR pixels (the peer's SR_INPUT_SIDE).</summary>
    public const int InputSide = 128;

    private readonly SrResNet _network;

    public SrInferenceWorkload(int scale)
    {
        _network = BundledSrModel.Load(scale);
        Input = rand(1, 3, InputSide, InputSide).to(TorchRuntime.DefaultDevice);
        Name = $"srresnet_x{scale}_infer";
    }

    /// <summary>The fixed input.</summary>
    public Tensor Input { get; }

    public override string Name { get; }
    public override string Unit => "ms/iter";
    public override double UnitScale => 1e3;
    public override TimingPlan Plan => new(Warmup: 2, Iterations: 3, Repeats: 5);

    /// <summary>The network's output for <see cref="Input"/> (the caller disposes it).</summary>
    public Tensor Output()
    {
        using var inference = inference_mode();
        return _network.call(Input);
    }

    public override void Run(int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            _network.call(Input);
        }
    }

    public override void Dispose()
    {
        _network.Dispose();
        Input.Dispose();
    }
}
