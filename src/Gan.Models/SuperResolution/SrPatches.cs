using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>Paired patches: float32 LR [N, C, P/s, P/s] and HR [N, C, P, P] in [0, 1]. Owns both tensors.</summary>
public sealed class SrPatches : IDisposable
{
    internal SrPatches(Tensor lowResolution, Tensor highResolution)
    {
        LowResolution = lowResolution.DetachFromDisposeScope();
        HighResolution = highResolution.DetachFromDisposeScope();
    }

    /// <summary>The network's inputs: the HR patches shrunk by antialiased bicubic and quantised to 8 bits, as real inputs are.</summary>
    public Tensor LowResolution { get; }

    /// <summary>The targets.</summary>
    public Tensor HighResolution { get; }

    /// <summary>How many pairs.</summary>
    public long Count => HighResolution.size(0);

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        LowResolution.Dispose();
        HighResolution.Dispose();
    }
}
