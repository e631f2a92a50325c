using Gan.Models.SuperResolution;

namespace Gan.MLNet.Transforms;

public sealed partial class SuperResolvingEstimator
{
    /// <summary>
    /// The settings of SuperResolve. Defaults of the network, training, patches and tiling live in their Gan.Models
    /// options classes (<see cref="SrResNetOptions"/>, <see cref="SrTrainerOptions"/>, <see cref="SrPatchOptions"/>,
    /// <see cref="SuperResolverOptions"/>); the rest are here.
    /// </summary>
    public sealed record Options
    {
        /// <summary>The upscaled image column. Required; the catalog overload with column names fills it in.</summary>
        public string OutputColumnName { get; init; } = "";

        /// <summary>The image column to upscale (any size; gray, RGB or RGBA). Null or empty means <see cref="OutputColumnName"/>.</summary>
        public string? InputColumnName { get; init; }

        /// <summary>The upscaling factor: 2 or 4. Default 4.</summary>
        public int Scale { get; init; } = 4;

        /// <summary>Where the network comes from. Default <see cref="SuperResolveModelSource.Bundled"/>.</summary>
        public SuperResolveModelSource ModelSource { get; init; } = SuperResolveModelSource.Bundled;

        /// <summary>The SRResNet file for <see cref="SuperResolveModelSource.File"/> (an <see cref="SrResNetSerialization"/> file of the same scale).</summary>
        public string? ModelPath { get; init; }

        /// <summary>The architecture trained with <see cref="SuperResolveModelSource.Train"/>; its Scale is replaced by <see cref="Scale"/>.</summary>
        public SrResNetOptions Network { get; init; } = new();

        /// <summary>How <see cref="SuperResolveModelSource.Train"/> trains (epochs, steps, batch, seed, checkpoints).</summary>
        public SrTrainerOptions Training { get; init; } = new();

        /// <summary>How training patches are cut from the input images; its Scale is replaced by <see cref="Scale"/>. Images smaller than a patch are skipped.</summary>
        public SrPatchOptions Patches { get; init; } = new();

        /// <summary>Tile size, overlap and tiles per network batch of inference.</summary>
        public SuperResolverOptions Tiling { get; init; } = new();

        /// <summary>
        /// A cursor that reads the upscaled column reads up to this many rows ahead and upscales their tiles together
        /// (same-size tiles of different rows share network batches). Default 8; 1 upscales row by row.
        /// </summary>
        public int RowBatchSize { get; init; } = 8;

        /// <summary>
        /// Read-ahead also stops once the rows read hold this many input pixels (always at least one row), so a cursor
        /// holds at most about this many input pixels and Scale² times as many output pixels. Default 4,000,000.
        /// </summary>
        public long MaxPendingPixels { get; init; } = 4_000_000;

        /// <summary>Receives training progress after every batch (Train only).</summary>
        public IProgress<SrTrainingProgress>? Progress { get; init; }

        /// <summary>
        /// Receives Fit's messages (which network, training losses). ML.NET gives extensions no access to
        /// <c>MLContext.Log</c>, so pass e.g. <c>Console.WriteLine</c> here.
        /// </summary>
        public Action<string>? Log { get; init; }

        /// <summary>Cancels training between batches (Train only).</summary>
        public CancellationToken CancellationToken { get; init; }

        /// <summary>The column to upscale, resolved.</summary>
        internal string SourceColumnName => string.IsNullOrEmpty(InputColumnName) ? OutputColumnName : InputColumnName;

        /// <summary>Refuses contradictory settings before any data is read.</summary>
        /// <exception cref="ArgumentException">The message names the setting.</exception>
        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(OutputColumnName)) throw new ArgumentException("SuperResolve: OutputColumnName is required", nameof(OutputColumnName));
            if (Scale is not (2 or 4)) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, $"SuperResolve: Scale must be 2 or 4, not {Scale}");
            if (!Enum.IsDefined(ModelSource)) throw new ArgumentException($"SuperResolve: {ModelSource} is not a model source", nameof(ModelSource));
            if (ModelSource == SuperResolveModelSource.File && string.IsNullOrWhiteSpace(ModelPath))
                throw new ArgumentException("SuperResolve: ModelSource File needs ModelPath", nameof(ModelPath));
            if (ModelSource != SuperResolveModelSource.File && ModelPath is not null)
                throw new ArgumentException($"SuperResolve: ModelPath is used only with ModelSource File, not {ModelSource}", nameof(ModelPath));
            ArgumentNullException.ThrowIfNull(Network, nameof(Network));
            ArgumentNullException.ThrowIfNull(Training, nameof(Training));
            ArgumentNullException.ThrowIfNull(Patches, nameof(Patches));
            ArgumentNullException.ThrowIfNull(Tiling, nameof(Tiling));
            if (RowBatchSize < 1) throw new ArgumentException($"SuperResolve: RowBatchSize must be at least 1, not {RowBatchSize}", nameof(RowBatchSize));
            if (MaxPendingPixels < 1) throw new ArgumentException($"SuperResolve: MaxPendingPixels must be at least 1, not {MaxPendingPixels}", nameof(MaxPendingPixels));
            Tiling.Validate();
            if (ModelSource == SuperResolveModelSource.Train)
            {
                ScaledNetwork.Validate();
                Training.Validate();
                ScaledPatches.Validate();
            }
        }

        /// <summary>The network options with <see cref="Scale"/>.</summary>
        internal SrResNetOptions ScaledNetwork
        {
            get
            {
                var network = Network.Clone();
                network.Scale = Scale;
                return network;
            }
        }

        /// <summary>The patch options with <see cref="Scale"/>.</summary>
        internal SrPatchOptions ScaledPatches
        {
            get
            {
                var patches = Patches.Clone();
                patches.Scale = Scale;
                return patches;
            }
        }
    }
}
