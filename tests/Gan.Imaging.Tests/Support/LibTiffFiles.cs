using BitMiracle.LibTiff.Classic;

namespace Gan.Imaging.Tests.Support;

/// <summary>
/// TIFF layouts that Gan.Imaging never writes (tiles, separate planes, palettes, bilevel, several pages), written with
/// LibTiff.NET's own writer.
/// </summary>
internal static class LibTiffFiles
{
    /// <summary>A file of the given pages, in order: each action sets a page's tags and writes its data.</summary>
    public static byte[] Write(params Action<Tiff>[] pages)
    {
        var stream = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("test", "w", stream, new TiffStream())!)
            foreach (var page in pages)
            {
                page(tiff);
                tiff.WriteDirectory();
            }
        return stream.ToArray();
    }

    /// <summary>Sets the tags every page needs: size, samples, bits, photometric, planar configuration, no compression.</summary>
    public static void Basics(Tiff tiff, int width, int height, int samples, int bits, Photometric photometric,
        PlanarConfig planar = PlanarConfig.CONTIG)
    {
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, samples);
        tiff.SetField(TiffTag.BITSPERSAMPLE, bits);
        tiff.SetField(TiffTag.PHOTOMETRIC, photometric);
        tiff.SetField(TiffTag.PLANARCONFIG, planar);
        tiff.SetField(TiffTag.COMPRESSION, Compression.NONE);
    }

    /// <summary>Writes <paramref name="samples"/> (machine byte order) as one strip of the whole page.</summary>
    public static void OneStrip(Tiff tiff, int height, byte[] samples)
    {
        tiff.SetField(TiffTag.ROWSPERSTRIP, height);
        tiff.WriteEncodedStrip(0, samples, samples.Length);
    }
}
