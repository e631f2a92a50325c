using Gan.Imaging;
using Gan.Models.Torch;
using Gan.Models.Training;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Training and validation patches for super-resolution, cut from a set of photographs held in memory as 8-bit RGB
/// (gray photos replicated): a photo is drawn with probability proportional to the number of patch positions it has,
/// then a position, then one of the 8 flips/90° rotations; the LR patch is the HR patch shrunk by antialiased bicubic
/// (<see cref="AntialiasedBicubic"/>) and rounded to 8 bits. Training batch t depends only on the seed and t, so a
/// resumed run sees exactly the batches the uninterrupted one would. A seeded share of the photos is held out and
/// gives a fixed set of validation patches (no flips). Files that cannot be decoded (truncated, corrupt, not an
/// image) or are smaller than a patch are skipped and listed in <see cref="Skipped"/>, never fatal.
/// </summary>
public sealed class SrPatchDataset : IDisposable
{
    private readonly List<(string Path, Image Photo)> _training;
    private readonly long[] _cumulativePositions;

    private SrPatchDataset(SrPatchOptions options, List<(string, Image)> training, List<(string, Image)> validation,
        List<SkippedPhoto> skipped)
    {
        Options = options;
        _training = training;
        Skipped = skipped;
        TrainingPhotos = [.. training.Select(p => p.Item1)];
        ValidationPhotos = [.. validation.Select(p => p.Item1)];
        _cumulativePositions = new long[training.Count];
        long total = 0;
        for (int i = 0; i < training.Count; i++)
            _cumulativePositions[i] = total += Positions(training[i].Item2);
        var random = new PatchRandom(CheckpointState.DeriveSeed(options.Seed, ValidationStream));
        var positions = validation.Select(p => Positions(p.Item2)).ToArray();
        long validationTotal = positions.Sum();
        var cuts = new List<Tensor>();
        using var scope = NewDisposeScope();
        for (int i = 0; i < options.ValidationPatchCount; i++)
        {
            var (photo, index) = Pick(validation, positions, random.NextLong(validationTotal));
            cuts.Add(Cut(photo, index, transform: 0));
        }
        Validation = MakePairs(cuts);
    }

    /// <summary>
    /// Loads <paramref name="files"/> (each once, in ordinal path order, so the split does not depend on the order
    /// given), skipping what cannot be used.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidDataException">Fewer than two usable photos remain (one to train on, one to validate on); the message lists the skipped files.</exception>
    public static SrPatchDataset Load(IEnumerable<string> files, SrPatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options = options?.Clone() ?? new SrPatchOptions();
        options.Validate();
        TorchRuntime.EnsureLoaded();
        var photos = new List<(string, Image)>();
        var skipped = new List<SkippedPhoto>();
        foreach (string path in files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (photo, reason) = Read(path, options);
            if (photo is null) skipped.Add(new SkippedPhoto(path, reason!));
            else photos.Add((path, photo));
        }
        return Split(photos, skipped, options);
    }

    /// <summary>
    /// Cuts patches from images already in memory (e.g. an image column read by a pipeline), each named for messages
    /// and <see cref="TrainingPhotos"/>; they are prepared exactly as decoded files are (RGB, shrunk to
    /// <see cref="SrPatchOptions.MaxImageSide"/>), and images smaller than a patch are skipped with the reason. The
    /// split follows the seed and the order given.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid, an image is null, or two images share a name.</exception>
    /// <exception cref="InvalidDataException">Fewer than two usable images remain; the message lists the skipped ones.</exception>
    public static SrPatchDataset FromImages(IEnumerable<(string Name, Image Image)> images, SrPatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        options = options?.Clone() ?? new SrPatchOptions();
        options.Validate();
        TorchRuntime.EnsureLoaded();
        var photos = new List<(string, Image)>();
        var skipped = new List<SkippedPhoto>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, image) in images)
        {
            if (image is null) throw new ArgumentException($"image '{name}' is null", nameof(images));
            if (!names.Add(name)) throw new ArgumentException($"two images are named '{name}'", nameof(images));
            var (photo, reason) = Prepare(image, options);
            if (photo is null) skipped.Add(new SkippedPhoto(name, reason!));
            else photos.Add((name, photo));
        }
        return Split(photos, skipped, options);
    }

    private static SrPatchDataset Split(List<(string, Image)> photos, List<SkippedPhoto> skipped, SrPatchOptions options)
    {
        if (photos.Count < 2)
            throw new InvalidDataException(
                $"super-resolution training needs at least 2 usable photographs (one held out), found {photos.Count}" +
                (skipped.Count == 0 ? "" : "; skipped: " + string.Join("; ", skipped.Select(s => $"{s.Path} ({s.Reason})"))));
        int validationCount = Math.Clamp((int)Math.Round(photos.Count * options.ValidationFraction), 1, photos.Count - 1);
        var order = new PatchRandom(CheckpointState.DeriveSeed(options.Seed, SplitStream));
        var shuffled = photos.ToList();
        for (int i = shuffled.Count - 1; i > 0; i--)
        {
            int j = (int)order.NextLong(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        var validation = shuffled.Take(validationCount).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        var training = shuffled.Skip(validationCount).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        return new SrPatchDataset(options, training, validation, skipped);
    }

    /// <summary>Loads every file directly in <paramref name="folders"/> (not their subfolders); see <see cref="Load(IEnumerable{string}, SrPatchOptions?)"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static SrPatchDataset LoadFolders(IEnumerable<string> folders, SrPatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var files = new List<string>();
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"photo folder '{folder}' does not exist");
            files.AddRange(Directory.GetFiles(folder));
        }
        return Load(files, options);
    }

    /// <summary>The options in use (a copy of those given).</summary>
    public SrPatchOptions Options { get; }

    /// <summary>The photos training patches come from.</summary>
    public IReadOnlyList<string> TrainingPhotos { get; }

    /// <summary>The held-out photos the validation patches come from.</summary>
    public IReadOnlyList<string> ValidationPhotos { get; }

    /// <summary>Files not used, each with the reason.</summary>
    public IReadOnlyList<SkippedPhoto> Skipped { get; }

    /// <summary>The fixed validation patches (owned by the dataset).</summary>
    public SrPatches Validation { get; }

    /// <summary>Training batch number <paramref name="step"/> of <paramref name="batchSize"/> random patches; dispose it.</summary>
    public SrPatches TrainingBatch(long step, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var random = new PatchRandom(CheckpointState.DeriveSeed(CheckpointState.DeriveSeed(Options.Seed, TrainingStream), (ulong)step));
        long total = _cumulativePositions[^1];
        using var scope = NewDisposeScope();
        var cuts = new List<Tensor>(batchSize);
        for (int i = 0; i < batchSize; i++)
        {
            long draw = random.NextLong(total);
            int photo = Array.BinarySearch(_cumulativePositions, draw + 1);
            if (photo < 0) photo = ~photo;
            long index = draw - (photo == 0 ? 0 : _cumulativePositions[photo - 1]);
            cuts.Add(Cut(_training[photo].Photo, index, (int)random.NextLong(8)));
        }
        return MakePairs(cuts);
    }

    /// <summary>Disposes the validation patches.</summary>
    public void Dispose() => Validation.Dispose();

    private const ulong SplitStream = 1, ValidationStream = 2, TrainingStream = 3;

    private long Positions(Image photo) => (long)(photo.Width - Options.PatchSize + 1) * (photo.Height - Options.PatchSize + 1);

    private static (Image Photo, long Index) Pick(List<(string, Image)> photos, long[] positions, long draw)
    {
        for (int i = 0; i < photos.Count; i++)
        {
            if (draw < positions[i]) return (photos[i].Item2, draw);
            draw -= positions[i];
        }
        throw new InvalidOperationException("draw beyond the patch positions");
    }

    // Position `index` counts row-major over the photo's (W − P + 1) × (H − P + 1) top-left corners; transform 0–7 is
    // a rotation by (transform % 4) × 90° after a horizontal flip when transform ≥ 4.
    private Tensor Cut(Image photo, long index, int transform)
    {
        int size = Options.PatchSize, columns = photo.Width - size + 1;
        var patch = ImageTensors.FromImage(photo, (int)(index % columns), (int)(index / columns), size, size, 0, 3);
        if (transform >= 4) patch = patch.flip(3);
        if (transform % 4 != 0) patch = patch.rot90(transform % 4, (2, 3));
        return patch;
    }

    private SrPatches MakePairs(List<Tensor> cuts)
    {
        using var scope = NewDisposeScope();
        var hr = cat(cuts, 0);
        var lr = AntialiasedBicubic.Downscale(hr, Options.Scale).clamp(0.0, 1.0).mul(255.0).round().div(255.0);
        return new SrPatches(lr, hr);
    }

    private static (Image? Photo, string? Reason) Read(string path, SrPatchOptions options)
    {
        Image photo;
        try
        {
            photo = Image.Load(path);
        }
        catch (Exception e) when (e is ImageFormatException or ImageTooLargeException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
        return Prepare(photo, options);
    }

    private static (Image? Photo, string? Reason) Prepare(Image photo, SrPatchOptions options)
    {
        if (Math.Min(photo.Width, photo.Height) < options.PatchSize)
            return (null, $"{photo.Width}x{photo.Height} is smaller than a {options.PatchSize}-pixel patch");
        photo = photo.ConvertTo(PixelFormat.Rgb24);
        int longer = Math.Max(photo.Width, photo.Height);
        if (options.MaxImageSide is { } limit && longer > limit)
        {
            int width = Math.Max(options.PatchSize, (int)Math.Round((double)photo.Width * limit / longer));
            int height = Math.Max(options.PatchSize, (int)Math.Round((double)photo.Height * limit / longer));
            using var scope = NewDisposeScope();
            photo = ImageTensors.ToImage(AntialiasedBicubic.Resize(ImageTensors.FromImage(photo), height, width));
        }
        return (photo, null);
    }
}
