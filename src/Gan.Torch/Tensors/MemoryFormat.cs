namespace Gan.Torch;

/// <summary>How a tensor's elements are ordered in memory; the values and the shape are the same either way.</summary>
public enum MemoryFormat
{
    /// <summary>Row-major: [N, C, H, W] stored as N, C, H, W from the outermost (libtorch's default).</summary>
    Contiguous = 0,

    /// <summary>
    /// For 4-D tensors: [N, C, H, W] stored as N, H, W, C, the layout oneDNN's CPU convolutions work in, so that a
    /// network whose weights and input are in it runs without converting every activation (PyTorch's channels_last).
    /// </summary>
    ChannelsLast = 1,
}
