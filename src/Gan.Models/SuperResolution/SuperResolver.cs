using Gan.Imaging;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Upscales whole images of any size with an <see cref="SrResNet"/> through overlapping tiles: the input is cut into
/// cores of <see cref="SuperResolverOptions.TileSize"/>² pixels, each read with <see cref="SuperResolverOptions.Overlap"/>
/// pixels of context on every side (clipped at the image border, where the network zero-pads as it would untiled),
/// tiles of the same size run through the network in batches, and each output keeps only its core. With an overlap of
/// at least the receptive radius the result equals untiled inference (up to float rounding), and memory stays bounded
/// by the tile batch, never the image: an image larger than a tile is never held as one tensor. An image no larger
/// than a tile runs whole (one tile, no overlap to recompute), so the default large tiles cost nothing on photos.
/// Colour handling: RGB goes through an RGB network as is; a gray image is replicated into R = G = B and the output
/// converted back to gray (BT.601 luma 0.299 R + 0.587 G + 0.114 B); RGBA's colour goes through the network and its
/// alpha is upscaled by antialiased bicubic. A gray (1-channel) network upscales each colour channel on its own.
/// During each call the resolver puts the network in eval mode, with channels-last weights unless oneDNN is capped at
/// SSE4.1 (where the plain layout is the fast one), and restores both afterwards; it does not own the network. Not
/// thread-safe.
/// </summary>
public sealed class SuperResolver
{
    private const int BicubicRadius = 2;
    private readonly SrResNet _network;
    private readonly SuperResolverOptions _options;
    private readonly bool _channelsLast;

    /// <summary>A resolver over <paramref name="network"/> (not owned: dispose it yourself after the resolver's last use).</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public SuperResolver(SrResNet network, SuperResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        TorchRuntime.EnsureLoaded();
        _channelsLast = !OneDnnIsa.IsCappedAtSse41;
        _options = options?.Clone() ?? new SuperResolverOptions();
        _options.Validate();
        _network = network;
        Overlap = _options.Overlap ?? network.ReceptiveRadius;
        TileSize = _options.TileSize ?? Math.Max(1, SuperResolverOptions.AutoTileOutputSide / network.Scale);
    }

    /// <summary>The upscaling factor.</summary>
    public int Scale => _network.Scale;

    /// <summary>The overlap in use (the option, or the network's receptive radius).</summary>
    public int Overlap { get; }

    /// <summary>The tile size in use (the option, or <see cref="SuperResolverOptions.AutoTileOutputSide"/> / scale).</summary>
    public int TileSize { get; }

    /// <summary>The most elements of any batch of tiles given to the network so far: the memory bound, measured.</summary>
    public long LargestBatchElements { get; private set; }

    /// <summary>Upscales <paramref name="image"/> (gray, RGB or RGBA) to Scale × its size, same pixel format.</summary>
    public Image Upscale(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Upscale([image])[0];
    }

    /// <summary>
    /// Upscales several images (each gray, RGB or RGBA, of any size) together: tiles of the same input size from
    /// different images share the network's batches, so many small images cost fewer network calls than one by one.
    /// Each result equals <see cref="Upscale(Image)"/> of its image up to float rounding (BLAS may block a batch
    /// differently); memory stays bounded by the tile batch plus the images and their outputs.
    /// </summary>
    /// <exception cref="ArgumentException">An image is null.</exception>
    public IReadOnlyList<Image> Upscale(IReadOnlyList<Image> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Any(i => i is null)) throw new ArgumentException("the images must not be null", nameof(images));
        int scale = Scale;
        var outputs = images.Select(i => new byte[checked((long)i.Width * scale * i.Height * scale * i.Channels)]).ToArray();
        WithNetworkReady(() => Run([.. images.Select((image, i) => ColourTiles(image, outputs[i]))], Overlap, CallNetwork));
        var alpha = images.Select((image, i) => (image, i)).Where(p => p.image.Format == PixelFormat.Rgba32)
            .Select(p => AlphaTiles(p.image, outputs[p.i])).ToList();
        if (alpha.Count > 0) Run(alpha, BicubicRadius, t => AntialiasedBicubic.Upscale(t, scale));
        return [.. images.Select((image, i) => Image.FromPixels(image.Width * scale, image.Height * scale, image.Format, outputs[i]))];
    }

    private TileSource ColourTiles(Image image, byte[] output)
    {
        int scale = Scale, outWidth = image.Width * scale, netChannels = _network.Options.Channels;
        bool gray = image.Format == PixelFormat.Gray8;
        int colourChannels = gray ? 1 : 3;
        // Each tile enters as [k, netChannels, h, w]: k = 3 when a gray network takes the colour channels as a batch.
        int k = netChannels == 1 ? colourChannels : 1;
        Tensor Read(Region r)
        {
            using var scope = NewDisposeScope();
            var tile = ImageTensors.FromImage(image, r.X, r.Y, r.Width, r.Height, 0, colourChannels);
            if (netChannels == 1) tile = tile.permute(1, 0, 2, 3);
            else if (gray) tile = tile.expand(1, 3, r.Height, r.Width);
            return tile.contiguous().MoveToOuterDisposeScope();
        }
        void Write(Region core, Tensor upscaled)
        {
            using var scope = NewDisposeScope();
            var planes = netChannels == 1 ? upscaled.permute(1, 0, 2, 3).squeeze(0) : upscaled.squeeze(0);
            if (gray && netChannels == 3) planes = Luma(planes.clamp(0.0, 1.0));
            ImageTensors.Write(planes, output, outWidth, image.Channels, core.X * scale, core.Y * scale, 0);
        }
        return new TileSource(image.Width, image.Height, k, Read, Write);
    }

    private TileSource AlphaTiles(Image image, byte[] output)
    {
        int scale = Scale, outWidth = image.Width * scale;
        return new TileSource(image.Width, image.Height, 1,
            r => ImageTensors.FromImage(image, r.X, r.Y, r.Width, r.Height, 3, 1),
            (core, upscaled) => ImageTensors.Write(upscaled.squeeze(0), output, outWidth, 4, core.X * scale, core.Y * scale, 3));
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
        if (images.dim() != 4 || images.size(1) != channels)
            throw new ArgumentException($"images must be [N, {channels}, H, W], got {ShapeText.Of(images)}", nameof(images));
        int scale = Scale, height = (int)images.size(2), width = (int)images.size(3), n = (int)images.size(0);
        var result = zeros([n, channels, (long)height * scale, (long)width * scale], images.dtype, images.device);
        WithNetworkReady(() =>
        {
            using var scope = NewDisposeScope();
            Run([new TileSource(width, height, n,
                r => images.narrow(2, r.Y, r.Height).narrow(3, r.X, r.Width).contiguous(),
                (core, upscaled) => result.narrow(2, (long)core.Y * scale, (long)core.Height * scale)
                    .narrow(3, (long)core.X * scale, (long)core.Width * scale).copy_(upscaled))], Overlap, CallNetwork);
        });
        return result;
    }

    // Runs body with the network in eval mode and its weights in the layout the activations will have, then gives both
    // back as they were. libtorch's CPU convolutions run channels-last weights and activations without converting each
    // activation to oneDNN's layout and back; but oneDNN's SSE4.1 kernels, where it is capped, are fast only in the
    // plain layout (docs/benchmarks.md). Same values up to float rounding either way.
    private void WithNetworkReady(Action body)
    {
        bool wasTraining = _network.training;
        bool wasChannelsLast = _network.parameters().Where(p => p.dim() == 4).All(p => p.IsChannelsLast());
        _network.eval();
        Relayout(_channelsLast);
        try
        {
            body();
        }
        finally
        {
            if (wasChannelsLast != _channelsLast) Relayout(wasChannelsLast);
            _network.train(wasTraining);
        }
    }

    private void Relayout(bool channelsLast)
    {
        if (channelsLast) ChannelsLast.ConvertWeights(_network);
        else ChannelsLast.RestoreWeights(_network);
    }

    private Tensor CallNetwork(Tensor input)
    {
        var onDevice = input.to(NetworkDevice);
        return _network.call(_channelsLast ? onDevice.ToChannelsLast() : onDevice);
    }

    private Device NetworkDevice => _network.parameters().First().device;

    // Tiles every source's input; a source's read gives [k, C, h, w] for an input region, its write receives
    // [k, C', ·, ·] for a core. Tiles of the same input size share batches, across sources too.
    private void Run(IReadOnlyList<TileSource> sources, int overlap, Func<Tensor, Tensor> upscale)
    {
        int tile = TileSize, scale = Scale;
        long fullTilePixels = (long)(tile + 2 * overlap) * (tile + 2 * overlap);
        var tiles = new List<(TileSource Source, Region Core, Region Input)>();
        foreach (var source in sources)
            for (int y = 0; y < source.Height; y += tile)
                for (int x = 0; x < source.Width; x += tile)
                {
                    var core = new Region(x, y, Math.Min(tile, source.Width - x), Math.Min(tile, source.Height - y));
                    int x0 = Math.Max(0, x - overlap), y0 = Math.Max(0, y - overlap);
                    int x1 = Math.Min(source.Width, core.X + core.Width + overlap), y1 = Math.Min(source.Height, core.Y + core.Height + overlap);
                    tiles.Add((source, core, new Region(x0, y0, x1 - x0, y1 - y0)));
                }
        foreach (var group in tiles.GroupBy(t => (t.Input.Width, t.Input.Height)))
            foreach (var batch in group.Chunk(_options.BatchSize ?? AutoBatchSize((long)group.Key.Width * group.Key.Height, fullTilePixels)))
            {
                using var scope = NewDisposeScope();
                var input = cat([.. batch.Select(t => t.Source.Read(t.Input))], 0);
                LargestBatchElements = Math.Max(LargestBatchElements, input.numel());
                Tensor upscaled;
                using (inference_mode()) upscaled = upscale(input);
                long first = 0;
                foreach (var (source, core, region) in batch)
                {
                    var piece = upscaled.narrow(0, first, source.K)
                        .narrow(2, (long)(core.Y - region.Y) * scale, (long)core.Height * scale)
                        .narrow(3, (long)(core.X - region.X) * scale, (long)core.Width * scale);
                    source.Write(core, piece);
                    first += source.K;
                }
            }
    }

    // SuperResolverOptions.BatchSize null: small tiles fill one full tile, larger ones go one per call.
    private static int AutoBatchSize(long tilePixels, long fullTilePixels) =>
        tilePixels * SuperResolverOptions.SmallTileShare > fullTilePixels ? 1 : (int)Math.Min(fullTilePixels / tilePixels, int.MaxValue);

    private static Tensor Luma(Tensor rgb) =>
        rgb.narrow(0, 0, 1).mul(0.299).add(rgb.narrow(0, 1, 1).mul(0.587)).add(rgb.narrow(0, 2, 1).mul(0.114));

    private readonly record struct Region(int X, int Y, int Width, int Height);

    // An input of Width × Height pixels whose tiles enter the network as K batch items each.
    private sealed record TileSource(int Width, int Height, int K, Func<Region, Tensor> Read, Action<Region, Tensor> Write);
}
