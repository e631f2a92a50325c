namespace Gan.Imaging.Composition;

/// <summary>
/// Lays out samples (e.g. a GAN's generated images after each epoch) as one image, optionally with a text label
/// left of each row, ready to <see cref="Image.Save"/> as PNG.
/// </summary>
public static class SampleGrid
{
    /// <summary>
    /// Places <paramref name="images"/> row by row, <paramref name="columns"/> per row. Layout, in pixels, with
    /// w × h the common image size, p the padding and L the widest label (0 without labels):
    /// margin = labels ? p + L : 0; image i sits at x = margin + p + (i mod columns)(w + p), y = p + (i div columns)(h + p);
    /// the canvas is (margin + p + columns(w + p)) × (p + rows(h + p)). Label r is drawn at x = p, vertically centred
    /// on row r (top = row top + (h − 7) / 2, clipped to the canvas), with the 5×7 built-in font and one blank
    /// column between letters, in black on light backgrounds (luma ≥ 128) and white on dark ones.
    /// The result is Rgba32 when any input is, Rgb24 otherwise (gray inputs are replicated to RGB).
    /// </summary>
    /// <param name="images">At least one image, all of the same width and height.</param>
    /// <param name="columns">Images per row, at least 1.</param>
    /// <param name="padding">Gap around and between images, at least 0.</param>
    /// <param name="background">Colour of gaps and of empty cells in the last row; black when null.</param>
    /// <param name="rowLabels">Null, or one label per row (letters, digits, space and - _ . , : / = + ( ) % # ? !).</param>
    public static Image Compose(IReadOnlyList<Image> images, int columns, int padding = 2, ImageColor? background = null,
        IReadOnlyList<string>? rowLabels = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("A sample grid needs at least one image.", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        int cellWidth = images[0].Width, cellHeight = images[0].Height;
        if (images.Any(image => image.Width != cellWidth || image.Height != cellHeight))
            throw new ArgumentException($"All images must be {cellWidth}x{cellHeight} like the first.", nameof(images));
        int rows = (images.Count + columns - 1) / columns;
        if (rowLabels is not null && rowLabels.Count != rows)
            throw new ArgumentException($"{rows} rows need {rows} labels, got {rowLabels.Count}.", nameof(rowLabels));

        var format = images.Any(image => image.Format == PixelFormat.Rgba32) ? PixelFormat.Rgba32 : PixelFormat.Rgb24;
        var fill = background ?? ImageColor.Black;
        int margin = rowLabels is null ? 0 : padding + rowLabels.Max(label => BitmapFont.MeasureWidth(label));
        int width = checked(margin + padding + columns * (cellWidth + padding));
        int height = checked(padding + rows * (cellHeight + padding));
        var canvas = Image.Create(width, height, format, fill).PixelArray;
        int stride = width * format.ChannelCount();

        for (int i = 0; i < images.Count; i++)
        {
            var cell = images[i].ConvertTo(format);
            int x = margin + padding + i % columns * (cellWidth + padding);
            int y = padding + i / columns * (cellHeight + padding);
            for (int row = 0; row < cellHeight; row++)
                cell.Pixels.Slice(row * cell.Stride, cell.Stride)
                    .CopyTo(canvas.AsSpan((y + row) * stride + x * cell.Channels));
        }

        if (rowLabels is not null)
        {
            var ink = Image.PixelBytes(fill.Luma >= 128 ? ImageColor.Black : ImageColor.White, format);
            for (int r = 0; r < rows; r++)
                DrawText(canvas, width, height, ink, rowLabels[r], padding,
                    padding + r * (cellHeight + padding) + (cellHeight - BitmapFont.GlyphHeight) / 2);
        }
        return Image.Wrap(width, height, format, canvas);
    }

    private static void DrawText(byte[] canvas, int width, int height, byte[] ink, string text, int left, int top)
    {
        for (int k = 0; k < text.Length; k++)
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
                for (int column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    int x = left + k * BitmapFont.Advance + column, y = top + row;
                    if (x < 0 || y < 0 || x >= width || y >= height || !BitmapFont.IsInk(text[k], column, row)) continue;
                    ink.CopyTo(canvas, (y * width + x) * ink.Length);
                }
    }
}
