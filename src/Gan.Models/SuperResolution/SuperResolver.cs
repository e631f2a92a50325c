using Gan.Imaging;
using Gan.Torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Upscales whole images of any size with an <see cref="SrResNet"/> through overlapping tiles: the input is cut into
/// cores of <see cref="SuperResolverOptions.TileSize"/>² pixels, each read with <see cref="SuperResolverOptions.Overlap"/>
/// pixels of context on every side (clipped at the image border, where the network zero-pads as it would untiled),
/// tiles of the same size run through the network in batches, and each output keeps only its core. With an overlap of
/// at least the receptive radius the result equals untiled inference (up to float rounding), and memory stays bounded
/// by the tile batch, never the image: no tensor of the whole image is ever made.
/// Colour handling: RGB goes through an RGB network as is; a gray image is replicated into R = G = B and the output
/// converted back to gray (BT.601 luma 0.299 R + 0.587 G + 0.114 B); RGBA's colour goes through the network and its
/// alpha is upscaled by antialiased bicubic. A gray (1-channel) network upscales each colour channel on its own.
/// The resolver runs the network in eval mode and does not own it. Not thread-safe.
/// </summary>
public sealed class SuperResolver
{
    private const int BicubicRadius = 2;
    private readonly SrResNet _network;
    private readonly SuperResolverOptions _options;

    /// <summary>A resolver over <paramref name="network"/> (not owned: dispose it yourself after the resolver's last use).</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public SuperResolver(SrResNet network, SuperResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        _options = options?.Clone() ?? new SuperResolverOptions();
        _options.Validate();
        _network = network;
        Overlap = _options.Overlap ?? network.ReceptiveRadius;
    }

    /// <summary>The upscaling factor.</summary>
    public int Scale => _network.Scale;

    /// <summary>The overlap in use (the option, or the network's receptive radius).</summary>
    public int Overlap { get; }

    /// <summary>The most elements of any batch of tiles given to the network so far: the memory bound, measured.</summary>
    public long LargestBatchElements { get; private set; }

    /// <summary>Upscales <paramref name="image"/> (gray, RGB or RGBA) to Scale × its size, same pixel format.</summary>
    public Image Upscale(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int scale = Scale, outWidth = checked(image.Width * scale), outHeight = checked(image.Height * scale);
        var output = new byte[checked((long)outWidth * outHeight * image.Channels)];
        int netChannels = _network.Options.Channels;
        bool gray = image.Format == PixelFormat.Gray8;
        int colourChannels = gray ? 1 : 3;
        // Each tile enters as [k, netChannels, h, w]: k = 3 when a gray network takes the colour channels as a batch.
        int k = netChannels == 1 ? colourChannels : 1;
        Tensor ReadColour(Region r)
        {
            using var scope = Tensors.NewDisposeScope();
            var tile = ImageTensors.FromImage(image, r.X, r.Y, r.Width, r.Height, 0, colourChannels);
            if (netChannels == 1) tile = tile.Permute(1, 0, 2, 3);
            else if (gray) tile = tile.Expand(1, 3, r.Height, r.Width);
            return scope.MoveToOuter(tile.Contiguous());
        }
        void WriteColour(Region core, Tensor upscaled)
        {
            using var scope = Tensors.NewDisposeScope();
            var planes = netChannels == 1 ? upscaled.Permute(1, 0, 2, 3).Squeeze(0) : upscaled.Squeeze(0);
            if (gray && netChannels == 3) planes = Luma(planes.Clamp(0, 1));
            ImageTensors.Write(planes, output, outWidth, image.Channels, core.X * scale, core.Y * scale, 0);
        }
        bool wasTraining = _network.IsTraining;
        _network.Eval();
        try
        {
            Run(image.Width, image.Height, Overlap, k, _network.Call, ReadColour, WriteColour);
        }
        finally
        {
            _network.Train(wasTraining);
        }
        if (image.Format == PixelFormat.Rgba32)
            Run(image.Width, image.Height, BicubicRadius, 1, t => AntialiasedBicubic.Upscale(t, scale),
                r => ImageTensors.FromImage(image, r.X, r.Y, r.Width, r.Height, 3, 1),
                (core, upscaled) => ImageTensors.Write(upscaled.Squeeze(0), output, outWidth, 4, core.X * scale, core.Y * scale, 3));
        return Image.FromPixels(outWidth, outHeight, image.Format, output);
    }

    /// <summary>
    /// Upscales float images [N, C, H, W] (C the network's channels, values in [0, 1]) tile by tile, returning
    /// [N, C, H × Scale, W × Scale] unclamped: the tiled counterpart of calling the network, for comparisons and
    /// callers that already hold tensors.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not [N, C, H, W] with the network's channel count.</exception>
    public Tensor Upscale(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        int channels = _network.Options.Channels;
        if (images.Dim != 4 || images.Size(1) != channels)
            throw new ArgumentException($"images must be [N, {channels}, H, W], got {ShapeText.Of(images)}", nameof(images));
        int scale = Scale, height = (int)images.Size(2), width = (int)images.Size(3), n = (int)images.Size(0);
        var result = Tensors.Zeros([n, channels, (long)height * scale, (long)width * scale]);
        bool wasTraining = _network.IsTraining;
        _network.Eval();
        try
        {
            using var scope = Tensors.NewDisposeScope();
            Run(width, height, Overlap, n, _network.Call,
                r => images.Narrow(2, r.Y, r.Height).Narrow(3, r.X, r.Width).Contiguous(),
                (core, upscaled) => result.Narrow(2, (long)core.Y * scale, (long)core.Height * scale)
                    .Narrow(3, (long)core.X * scale, (long)core.Width * scale).CopyInPlace(upscaled));
        }
        finally
        {
            _network.Train(wasTraining);
        }
        return result;
    }

    // Tiles the width × height input; read gives [k, C, h, w] for an input region, write receives [k, C', ·, ·] for a core.
    private void Run(int width, int height, int overlap, int k, Func<Tensor, Tensor> upscale, Func<Region, Tensor> read,
        Action<Region, Tensor> write)
    {
        int tile = _options.TileSize, scale = Scale;
        var tiles = new List<(Region Core, Region Input)>();
        for (int y = 0; y < height; y += tile)
            for (int x = 0; x < width; x += tile)
            {
                var core = new Region(x, y, Math.Min(tile, width - x), Math.Min(tile, height - y));
                int x0 = Math.Max(0, x - overlap), y0 = Math.Max(0, y - overlap);
                int x1 = Math.Min(width, core.X + core.Width + overlap), y1 = Math.Min(height, core.Y + core.Height + overlap);
                tiles.Add((core, new Region(x0, y0, x1 - x0, y1 - y0)));
            }
        foreach (var group in tiles.GroupBy(t => (t.Input.Width, t.Input.Height)))
            foreach (var batch in group.Chunk(_options.BatchSize))
            {
                using var scope = Tensors.NewDisposeScope();
                var input = Tensors.Cat([.. batch.Select(t => read(t.Input))], 0);
                LargestBatchElements = Math.Max(LargestBatchElements, input.NumberOfElements);
                Tensor upscaled;
                using (Tensors.InferenceMode()) upscaled = upscale(input);
                for (int i = 0; i < batch.Length; i++)
                {
                    var (core, region) = batch[i];
                    var piece = upscaled.Narrow(0, (long)i * k, k)
                        .Narrow(2, (long)(core.Y - region.Y) * scale, (long)core.Height * scale)
                        .Narrow(3, (long)(core.X - region.X) * scale, (long)core.Width * scale);
                    write(core, piece);
                }
            }
    }

    private static Tensor Luma(Tensor rgb) =>
        rgb.Narrow(0, 0, 1).Mul(0.299).Add(rgb.Narrow(0, 1, 1).Mul(0.587)).Add(rgb.Narrow(0, 2, 1).Mul(0.114));

    private readonly record struct Region(int X, int Y, int Width, int Height);
}
