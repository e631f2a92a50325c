using BitMiracle.LibTiff.Classic;

namespace Gan.Imaging.Codecs;

/// <summary>
/// Writes one-page TIFFs with LibTiff.NET: 8-bit gray, RGB or RGBA (straight alpha, marked unassociated), in strips
/// compressed with LZW after horizontal differencing, as OpenCV wrote them before.
/// </summary>
internal static class TiffEncoder
{
    public static byte[] Encode(Image image)
    {
        LibTiffMessages.Clear();
        var stream = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("image", "w", stream, new TiffStream()) ?? throw Failed())
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
            tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, image.Channels);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(TiffTag.PHOTOMETRIC, image.Format == PixelFormat.Gray8 ? Photometric.MINISBLACK : Photometric.RGB);
            tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
            tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
            tiff.SetField(TiffTag.PREDICTOR, Predictor.HORIZONTAL);
            if (image.Format == PixelFormat.Rgba32) tiff.SetField(TiffTag.EXTRASAMPLES, 1, new[] { (short)ExtraSample.UNASSALPHA });
            int rowsPerStrip = tiff.DefaultStripSize(0);
            tiff.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
            // The predictor differences the buffer in place, so every strip goes through a copy.
            var strip = new byte[rowsPerStrip * image.Stride];
            for (int index = 0, row = 0; row < image.Height; index++, row += rowsPerStrip)
            {
                int bytes = Math.Min(rowsPerStrip, image.Height - row) * image.Stride;
                image.Pixels.Slice(row * image.Stride, bytes).CopyTo(strip);
                if (tiff.WriteEncodedStrip(index, strip, bytes) < 0) throw Failed();
            }
        }
        return stream.ToArray();
    }

    private static InvalidOperationException Failed() => new($"LibTiff.NET could not write the TIFF: {LibTiffMessages.FirstError}");
}
