using BitMiracle.LibTiff.Classic;

namespace Gan.Imaging.Codecs;

/// <summary>
/// Decodes the first page of a TIFF with LibTiff.NET, after <see cref="Image.Decode"/> has checked the header.
/// </summary>
/// <remarks>
/// Gray and RGB pages of 8- or 16-bit unsigned or 32- or 64-bit floating-point samples are read as raw samples and
/// scaled here: 16-bit v to round(v / 257), float v to round(v · 255) clamped to 0..255 (ties to even). One sample is
/// Gray8, gray plus extra samples Rgba32 (the first extra is alpha), three samples Rgb24, RGB plus extra samples
/// Rgba32. Every other page (palette, bilevel, 2- and 4-bit, min-is-white, YCbCr, CMYK, CIE Lab, signed samples)
/// goes through LibTiff's RGBA interface, which yields 8-bit RGBA: kept as Rgba32 when the page has extra samples
/// (libtiff premultiplies unassociated alpha there), else Gray8 for gray pages and Rgb24 for the rest.
/// LibTiff.NET is managed code: any exception it throws on hostile bytes becomes an <see cref="ImageFormatException"/>.
/// </remarks>
internal static class TiffDecoder
{
    private const long LargestUsualTile = 1024 * 1024;

    public static Image Decode(ReadOnlySpan<byte> data, ImageHeader header)
    {
        LibTiffMessages.Clear();
        try
        {
            using var tiff = Tiff.ClientOpen("image", "r", new MemoryStream(data.ToArray(), writable: false), new TiffStream())
                ?? throw Corrupt();
            var page = TiffPage.Read(tiff);
            if (page.Width != header.Width || page.Height != header.Height) throw header.DecodedSizeMismatch(page.Width, page.Height);
            return page.HasRawSamples ? ReadSamples(tiff, page) : ReadRgba(tiff, page);
        }
        catch (Exception e) when (e is not (ImageFormatException or OutOfMemoryException))
        {
            throw new ImageFormatException(ImageFormatError.Corrupt, $"corrupt TIFF: {e.Message}", inner: e);
        }
    }

    private static ImageFormatException Corrupt() =>
        new(ImageFormatError.Corrupt, $"corrupt TIFF: {LibTiffMessages.FirstError}");

    private static Image ReadSamples(Tiff tiff, TiffPage page)
    {
        var raw = page.Tiled ? ReadTiles(tiff, page) : ReadStrips(tiff, page);
        var format = page.Samples == 1 ? PixelFormat.Gray8
            : page.Samples == 3 && !page.Gray ? PixelFormat.Rgb24
            : PixelFormat.Rgba32;
        int channels = format.ChannelCount();
        var pixels = new byte[Image.ByteCount(page.Width, page.Height, format)];
        long count = (long)page.Width * page.Height;
        for (long i = 0; i < count; i++)
        {
            long sample = i * page.Samples;
            int p = (int)(i * channels);
            if (!page.Gray)
            {
                for (int c = 0; c < channels; c++) pixels[p + c] = page.Level(raw, sample + c);
                continue;
            }
            byte level = page.Level(raw, sample);
            if (channels == 1)
            {
                pixels[p] = level;
                continue;
            }
            pixels[p] = pixels[p + 1] = pixels[p + 2] = level;
            pixels[p + 3] = page.Level(raw, sample + 1);
        }
        return Image.Wrap(page.Width, page.Height, format, pixels);
    }

    // Strips hold whole rows, one strip after another; separate planes store every strip of sample 0 first.
    private static byte[] ReadStrips(Tiff tiff, TiffPage page)
    {
        var raw = new byte[page.RawBytes];
        int strips = tiff.NumberOfStrips(), perPlane = page.Planar ? strips / page.Samples : strips;
        var plane = page.Planar ? new byte[page.RawBytes / page.Samples] : raw;
        for (int sample = 0; sample < (page.Planar ? page.Samples : 1); sample++)
        {
            int offset = 0;
            for (int strip = 0; strip < perPlane && offset < plane.Length; strip++)
            {
                int read = tiff.ReadEncodedStrip(sample * perPlane + strip, plane, offset, -1);
                if (read < 0) throw Corrupt();
                offset += read;
            }
            if (offset < plane.Length) throw Corrupt();
            if (page.Planar) page.Interleave(plane, raw, sample);
        }
        return raw;
    }

    // Tiles cover the page in a grid; those on the right and bottom edges hang over it and are clipped.
    private static byte[] ReadTiles(Tiff tiff, TiffPage page)
    {
        var raw = new byte[page.RawBytes];
        int tileWidth = tiff.GetField(TiffTag.TILEWIDTH)[0].ToInt(), tileHeight = tiff.GetField(TiffTag.TILELENGTH)[0].ToInt();
        // The tile buffer's size comes from the file, unchecked by the pixel limit: tiles larger than both the page
        // and any usual tile only serve to make a decoder allocate.
        if (tileWidth <= 0 || tileHeight <= 0 ||
            (long)tileWidth * tileHeight > Math.Max((long)page.Width * page.Height, LargestUsualTile))
            throw new ImageFormatException(ImageFormatError.Unsupported,
                $"TIFF tiles of {tileWidth}x{tileHeight} for a {page.Width}x{page.Height} page");
        int samplesPerTile = page.Planar ? 1 : page.Samples;
        var tile = new byte[tiff.TileSize()];
        var plane = page.Planar ? new byte[page.RawBytes / page.Samples] : raw;
        for (int sample = 0; sample < (page.Planar ? page.Samples : 1); sample++)
        {
            for (int y = 0; y < page.Height; y += tileHeight)
                for (int x = 0; x < page.Width; x += tileWidth)
                {
                    if (tiff.ReadTile(tile, 0, x, y, 0, (short)sample) < 0) throw Corrupt();
                    int rowBytes = Math.Min(tileWidth, page.Width - x) * samplesPerTile * page.BytesPerSample;
                    for (int row = 0; row < tileHeight && y + row < page.Height; row++)
                        Buffer.BlockCopy(tile, row * tileWidth * samplesPerTile * page.BytesPerSample, plane,
                            ((y + row) * page.Width + x) * samplesPerTile * page.BytesPerSample, rowBytes);
                }
            if (page.Planar) page.Interleave(plane, raw, sample);
        }
        return raw;
    }

    private static Image ReadRgba(Tiff tiff, TiffPage page)
    {
        var abgr = new int[checked(page.Width * page.Height)];
        if (!tiff.ReadRGBAImageOriented(page.Width, page.Height, abgr, Orientation.TOPLEFT, true)) throw Corrupt();
        var format = page.ExtraSamples > 0 ? PixelFormat.Rgba32
            : page.Photometric is Photometric.MINISBLACK or Photometric.MINISWHITE ? PixelFormat.Gray8
            : PixelFormat.Rgb24;
        var rgba = new byte[abgr.Length * 4];
        for (int i = 0; i < abgr.Length; i++)
        {
            rgba[4 * i] = (byte)Tiff.GetR(abgr[i]);
            rgba[4 * i + 1] = (byte)Tiff.GetG(abgr[i]);
            rgba[4 * i + 2] = (byte)Tiff.GetB(abgr[i]);
            rgba[4 * i + 3] = (byte)Tiff.GetA(abgr[i]);
        }
        return Image.Wrap(page.Width, page.Height, PixelFormat.Rgba32, rgba).ConvertTo(format);
    }
}
