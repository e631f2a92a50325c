using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>A GAN training-step workload whose losses `peer --check` prints, to show both sides run the same math.</summary>
internal interface ILossReporting
{
    /// <summary>One step; <paramref name="observeLosses"/>, if given, sees the D and G losses before the step's scope frees them.</summary>
    void Step(Action<Tensor, Tensor>? observeLosses = null);
}
