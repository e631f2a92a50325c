using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>
/// The inference stage of a stream: maps a batch of decoded images to as many results, in order. It is called from
/// one thread at a time, so it may hold non-thread-safe state (a network, a resolver).
/// </summary>
public interface IImageBatchTransform
{
    /// <summary>Transforms <paramref name="images"/>; the result has the same count and order.</summary>
    IReadOnlyList<Image> Transform(IReadOnlyList<Image> images);
}
