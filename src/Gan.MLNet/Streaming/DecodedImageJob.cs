using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>
/// An input that is already an image (e.g. a row of a pipeline): the stream skips reading and decoding and goes
/// straight to the transform. <see cref="ImageJob.InputPath"/> is then only a name for messages.
/// </summary>
/// <param name="Job">Where the result goes, and the key that names it.</param>
/// <param name="Image">The image.</param>
public sealed record DecodedImageJob(ImageJob Job, Image Image);
