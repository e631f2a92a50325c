namespace Gan.Imaging.Codecs;

/// <summary>The outcome of one format's header parser: a size, or an error with its reason.</summary>
internal readonly record struct HeaderResult((int Width, int Height, int Channels) Size, ImageFormatError? Error, string Reason)
{
    public static HeaderResult Ok(long width, long height, int channels) =>
        width > int.MaxValue || height > int.MaxValue
            ? Fail(ImageFormatError.Unsupported, $"size {width}x{height} exceeds 2^31-1")
            : new(((int)width, (int)height, channels), null, "");

    public static HeaderResult Fail(ImageFormatError error, string reason) => new(default, error, reason);

    public static HeaderResult Truncated => Fail(ImageFormatError.Truncated, "the file ends inside the header");
}
