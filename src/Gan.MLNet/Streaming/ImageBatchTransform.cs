using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>Ready-made <see cref="IImageBatchTransform"/>s.</summary>
public static class ImageBatchTransform
{
    /// <summary>Passes images through unchanged (a pure re-encoding job).</summary>
    public static IImageBatchTransform Identity { get; } = new PerImageTransform(image => image);

    /// <summary>Applies <paramref name="transform"/> to each image of a batch in turn (e.g. <c>SuperResolver.Upscale</c>).</summary>
    public static IImageBatchTransform PerImage(Func<Image, Image> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new PerImageTransform(transform);
    }

    private sealed class PerImageTransform(Func<Image, Image> transform) : IImageBatchTransform
    {
        public IReadOnlyList<Image> Transform(IReadOnlyList<Image> images) => images.Select(transform).ToArray();
    }
}
