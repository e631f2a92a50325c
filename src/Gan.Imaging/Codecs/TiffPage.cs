using BitMiracle.LibTiff.Classic;

namespace Gan.Imaging.Codecs;

/// <summary>The tags of a TIFF page that decide how <see cref="TiffDecoder"/> reads it, and its sample arithmetic.</summary>
internal sealed record TiffPage(int Width, int Height, int Samples, int BitsPerSample, SampleFormat SampleFormat,
    Photometric Photometric, bool Planar, bool Tiled, int ExtraSamples)
{
    public static TiffPage Read(Tiff tiff)
    {
        int Field(TiffTag tag) => tiff.GetFieldDefaulted(tag)?[0].ToInt() ?? 0;
        var extra = tiff.GetField(TiffTag.EXTRASAMPLES);
        return new TiffPage(Field(TiffTag.IMAGEWIDTH), Field(TiffTag.IMAGELENGTH), Field(TiffTag.SAMPLESPERPIXEL),
            Field(TiffTag.BITSPERSAMPLE), (SampleFormat)Field(TiffTag.SAMPLEFORMAT),
            (Photometric)(tiff.GetField(TiffTag.PHOTOMETRIC)?[0].ToInt() ?? -1),
            (PlanarConfig)Field(TiffTag.PLANARCONFIG) == PlanarConfig.SEPARATE, tiff.IsTiled(),
            extra is null ? 0 : extra[0].ToInt());
    }

    /// <summary>Black-is-zero gray, with or without extra samples.</summary>
    public bool Gray => Photometric == Photometric.MINISBLACK;

    /// <summary>Whether <see cref="TiffDecoder"/> reads the samples themselves rather than LibTiff's 8-bit RGBA.</summary>
    public bool HasRawSamples =>
        ((Gray && Samples >= 1) || (Photometric == Photometric.RGB && Samples >= 3)) &&
        ((BitsPerSample is 8 or 16 && SampleFormat == SampleFormat.UINT) ||
         (BitsPerSample is 32 or 64 && SampleFormat == SampleFormat.IEEEFP));

    public int BytesPerSample => BitsPerSample / 8;

    /// <summary>Bytes of the whole page as interleaved samples.</summary>
    public int RawBytes
    {
        get
        {
            long bytes = (long)Width * Height * Samples * BytesPerSample;
            return bytes <= Array.MaxLength ? (int)bytes
                : throw new ImageFormatException(ImageFormatError.Unsupported, $"the TIFF's {bytes} bytes of samples do not fit in one buffer");
        }
    }

    /// <summary>Sample <paramref name="index"/> of <paramref name="raw"/> (machine byte order, as LibTiff returns it) as 8 bits.</summary>
    public byte Level(byte[] raw, long index) => BitsPerSample switch
    {
        8 => raw[index],
        16 => (byte)((BitConverter.ToUInt16(raw, (int)(2 * index)) + 128) / 257),
        32 => FromUnit(BitConverter.ToSingle(raw, (int)(4 * index))),
        _ => FromUnit(BitConverter.ToDouble(raw, (int)(8 * index))),
    };

    /// <summary>Copies one plane of a planar page (<paramref name="sample"/>'s values only) into the interleaved buffer.</summary>
    public void Interleave(byte[] plane, byte[] raw, int sample)
    {
        int size = BytesPerSample;
        for (int i = 0, j = sample * size; i < plane.Length; i += size, j += Samples * size)
            Buffer.BlockCopy(plane, i, raw, j, size);
    }

    // NaN counts as 0, like the clamp of out-of-range values.
    private static byte FromUnit(double value) => double.IsNaN(value) ? (byte)0 : (byte)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
