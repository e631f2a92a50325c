using System.Diagnostics;
using System.Globalization;
using Gan.Models.Torch;
using Gan.Models.Training;
using TorchSharp.Modules;
using static Gan.Models.Training.CheckpointState;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// Trains an <see cref="SrResNet"/> on patches from an <see cref="SrPatchDataset"/>: pixel-loss SRResNet training, or
/// SRGAN fine-tuning (one discriminator step, then one generator step per batch) usually started from a trained
/// SRResNet. After every epoch it measures PSNR-Y/SSIM-Y on the held-out patches beside bicubic, logs, and writes a
/// full-state checkpoint when configured. Deterministic for a seed: the weights start from the trainer's seed and
/// batch t is the dataset's batch t, so a checkpoint resumes bit-exactly (training 2 epochs, saving, loading and
/// training 1 more equals training 3). Not thread-safe.
/// </summary>
public sealed class SrTrainer : IDisposable
{
    private readonly SrResNetOptions _modelOptions;
    private readonly bool _channelsLast;
    private readonly Adam _generatorOptimizer;
    private readonly Adam? _discriminatorOptimizer;
    private int _epochStep;
    private bool _disposed;
    private SrTrainingDivergedException? _divergence;

    /// <summary>
    /// Builds the generator from <paramref name="model"/> initialised from <paramref name="training"/>.Seed, or as a
    /// copy of <paramref name="initialGenerator"/> (e.g. a trained SRResNet to fine-tune as SRGAN), its Adam, and for
    /// SRGAN the discriminator and its Adam.
    /// </summary>
    /// <exception cref="ArgumentException">An options object is invalid, or <paramref name="initialGenerator"/> has other options than <paramref name="model"/>.</exception>
    public SrTrainer(SrResNetOptions model, SrTrainerOptions training, SrResNet? initialGenerator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        model.Validate();
        training.Validate();
        if (initialGenerator is not null && !initialGenerator.Options.ToMetadata().OrderBy(e => e.Key).SequenceEqual(model.ToMetadata().OrderBy(e => e.Key)))
            throw new ArgumentException("the initial generator was built with other SrResNetOptions than the model options", nameof(initialGenerator));
        TorchRuntime.EnsureLoaded();
        _channelsLast = !OneDnnIsa.IsCappedAtSse41;
        _modelOptions = model.Clone();
        TrainingOptions = training.Clone();
        try
        {
            Generator = initialGenerator is null
                ? SrResNet.Create(_modelOptions, DeriveSeed(training.Seed, GeneratorStream))
                : SrResNetSerialization.Copy(initialGenerator);
            // Uncapped, oneDNN's row-major kernels get the input gradient wrong on CPUs that describe no caches when
            // the output channels are not a multiple of the vector width (the tail to RGB, narrow networks), and its
            // channels-last kernels are right and faster everywhere; capped at SSE4.1 the row-major ones are right and
            // the faster, as in SuperResolver.
            if (_channelsLast) ChannelsLast.ConvertWeights(Generator);
            // Arrays, not the modules' lazy enumerations: Adam walks its parameter list on every step.
            _generatorOptimizer = optim.Adam(Generator.parameters().ToArray(), training.LearningRate, training.Beta1, training.Beta2);
            if (training.Mode == SrTrainingMode.Srgan)
            {
                using var init = new Generator(DeriveSeed(training.Seed, DiscriminatorStream));
                Discriminator = new SrganDiscriminator(model.Channels, training.DiscriminatorWidth, init);
                if (_channelsLast) ChannelsLast.ConvertWeights(Discriminator);
                _discriminatorOptimizer = optim.Adam(Discriminator.parameters().ToArray(), training.LearningRate, training.Beta1, training.Beta2);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// The network being trained (owned by the trainer, its convolution weights in the layout that trains fastest and
    /// right on this CPU; copy it with <see cref="SrResNetSerialization.Copy"/> to keep it).
    /// </summary>
    public SrResNet Generator { get; } = null!;

    /// <summary>SRGAN's discriminator (owned by the trainer); null for SRResNet training.</summary>
    public SrganDiscriminator? Discriminator { get; }

    /// <summary>
    /// The training options (a copy), read again at every <see cref="Train"/> call: set Epochs, CheckpointPath or
    /// LogEveryBatches between calls; Mode, Seed, the optimiser settings and DiscriminatorWidth count only when the
    /// trainer is built.
    /// </summary>
    public SrTrainerOptions TrainingOptions { get; }

    /// <summary>
    /// The current Adam step size of the generator (and the discriminator). Starts at
    /// <see cref="SrTrainerOptions.LearningRate"/>; set it between <see cref="Train"/> calls to follow a schedule. It is
    /// part of the optimiser state, so checkpoints keep it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not a number.</exception>
    public double LearningRate
    {
        get => _generatorOptimizer.ParamGroups.First().LearningRate;
        set
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!(value >= 0)) throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate must be 0 or more");
            _generatorOptimizer.ParamGroups.First().LearningRate = value;
            if (_discriminatorOptimizer is not null) _discriminatorOptimizer.ParamGroups.First().LearningRate = value;
        }
    }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>Batches completed (the global step, and the number of the next dataset batch).</summary>
    public long Step { get; private set; }

    /// <summary>Human-readable progress lines: every <see cref="SrTrainerOptions.LogEveryBatches"/> batches and after every epoch.</summary>
    public event EventHandler<GanTrainerLogEventArgs>? Log;

    /// <summary>
    /// Trains <see cref="SrTrainerOptions.Epochs"/> more epochs of <see cref="SrTrainerOptions.StepsPerEpoch"/> batches
    /// (an epoch interrupted by cancellation is finished first and counts as one of them), validating after each.
    /// </summary>
    /// <param name="data">The patches; its scale must be the network's.</param>
    /// <param name="progress">Told after every batch.</param>
    /// <param name="cancellationToken">Checked before every batch; the trainer then stays at its last completed batch, ready to save.</param>
    /// <exception cref="ArgumentException">The dataset's scale is not the network's.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="SrTrainingDivergedException">A loss became NaN or infinite; the trainer refuses further use.</exception>
    /// <exception cref="InvalidOperationException">The trainer diverged before.</exception>
    public SrTrainingResult Train(SrPatchDataset data, IProgress<SrTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        ArgumentNullException.ThrowIfNull(data);
        if (data.Options.Scale != _modelOptions.Scale)
            throw new ArgumentException($"the patches are for ×{data.Options.Scale}, the network upscales ×{_modelOptions.Scale}", nameof(data));
        var options = TrainingOptions;
        options.Validate();
        int targetEpoch = checked(Epoch + options.Epochs);
        var clock = Stopwatch.StartNew();
        var generatorLosses = new List<double>();
        var discriminatorLosses = new List<double>();
        var validations = new List<SrValidation>();
        long patches = 0;
        Write(string.Create(CultureInfo.InvariantCulture,
            $"training {options.Mode} ×{_modelOptions.Scale} ({_modelOptions.BlockCount} blocks × {_modelOptions.Width} channels), epochs {Epoch + 1} to {targetEpoch}: " +
            $"{options.StepsPerEpoch} batches of {options.BatchSize} {data.Options.PatchSize}-pixel patches per epoch from {data.TrainingPhotos.Count} photos"));
        Generator.train();
        Discriminator?.train();
        while (Epoch < targetEpoch)
        {
            var epochClock = Stopwatch.StartNew();
            long epochPatches = 0;
            while (_epochStep < options.StepsPerEpoch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (generatorLoss, discriminatorLoss) = TrainBatch(data, options);
                _epochStep++;
                Step++;
                generatorLosses.Add(generatorLoss);
                if (Discriminator is not null) discriminatorLosses.Add(discriminatorLoss);
                patches += options.BatchSize;
                epochPatches += options.BatchSize;
                var report = new SrTrainingProgress(Epoch + 1, targetEpoch, Step, _epochStep, options.StepsPerEpoch, generatorLoss,
                    discriminatorLoss, epochPatches / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9));
                progress?.Report(report);
                if (options.LogEveryBatches > 0 && Step % options.LogEveryBatches == 0) Write(Describe(report));
            }
            _epochStep = 0;
            Epoch++;
            var validation = Validate(data);
            validations.Add(validation);
            string done = string.Create(CultureInfo.InvariantCulture,
                $"epoch {Epoch}/{targetEpoch} done at step {Step}: validation PSNR-Y {validation.Psnr:F2} dB, SSIM-Y {validation.Ssim:F4} " +
                $"(bicubic {validation.BicubicPsnr:F2} dB, {validation.BicubicSsim:F4}), {epochPatches / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9):F1} patches/s");
            if (options.CheckpointPath is { } checkpoint)
            {
                SaveCheckpoint(checkpoint);
                done += $"; checkpoint {checkpoint}";
            }
            Write(done);
        }
        var elapsed = clock.Elapsed;
        return new SrTrainingResult(Epoch, Step, generatorLosses, discriminatorLosses, validations, elapsed,
            patches / Math.Max(elapsed.TotalSeconds, 1e-9));
    }

    /// <summary>
    /// PSNR-Y (of the mean squared error over the patches) and mean SSIM-Y (border = scale) of the network's 8-bit
    /// output on <paramref name="data"/>'s validation patches, beside bicubic's, as <see cref="Epoch"/>'s validation. The network is evaluated in eval mode.
    /// </summary>
    public SrValidation Validate(SrPatchDataset data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(data);
        var patches = data.Validation;
        int scale = _modelOptions.Scale;
        var psnr = new List<double>();
        var ssim = new List<double>();
        var bicubicPsnr = new List<double>();
        var bicubicSsim = new List<double>();
        bool wasTraining = Generator.training;
        Generator.eval();
        try
        {
            for (long start = 0; start < patches.Count; start += ValidationBatch)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                long count = Math.Min(ValidationBatch, patches.Count - start);
                var lr = patches.LowResolution.narrow(0, start, count).to(TorchRuntime.DefaultDevice);
                var hr = patches.HighResolution.narrow(0, start, count).to(TorchRuntime.DefaultDevice);
                var sr = Quantise(Generator.call(lr));
                var bicubic = Quantise(AntialiasedBicubic.Upscale(lr, scale));
                psnr.AddRange(SrMetrics.PsnrY(sr, hr, scale));
                ssim.AddRange(SrMetrics.SsimY(sr, hr, scale));
                bicubicPsnr.AddRange(SrMetrics.PsnrY(bicubic, hr, scale));
                bicubicSsim.AddRange(SrMetrics.SsimY(bicubic, hr, scale));
            }
        }
        finally
        {
            Generator.train(wasTraining);
        }
        return new SrValidation(Epoch, PooledPsnr(psnr), ssim.Average(), PooledPsnr(bicubicPsnr), bicubicSsim.Average());
    }

    /// <summary>
    /// Writes the full training state to <paramref name="path"/> atomically with a SHA-256 checksum: the generator
    /// (and discriminator), their Adam states, epoch, step and position inside the epoch, and both options objects.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trainer diverged: its state must not replace a good checkpoint.</exception>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfUnusable();
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string> { [KindKey] = KindValue };
        AddSection(tensors, GeneratorKey, Generator.state_dict());
        var generatorState = AdamState.Extract(_generatorOptimizer);
        AddSection(tensors, GeneratorOptimizerKey, generatorState.Tensors);
        AddSection(metadata, GeneratorOptimizerKey, generatorState.Metadata);
        if (Discriminator is not null && _discriminatorOptimizer is not null)
        {
            var discriminatorState = AdamState.Extract(_discriminatorOptimizer);
            AddSection(tensors, DiscriminatorKey, Discriminator.state_dict());
            AddSection(tensors, DiscriminatorOptimizerKey, discriminatorState.Tensors);
            AddSection(metadata, DiscriminatorOptimizerKey, discriminatorState.Metadata);
        }
        AddSection(metadata, "", _modelOptions.ToMetadata());
        AddSection(metadata, "", TrainingOptions.ToMetadata());
        metadata[EpochKey] = Text(Epoch);
        metadata[StepKey] = Text(Step);
        metadata[EpochStepKey] = Text(_epochStep);
        GanCheckpointFile.Write(path, tensors, metadata);
    }

    /// <summary>
    /// Rebuilds a trainer from a checkpoint written by <see cref="SaveCheckpoint"/>: the next <see cref="Train"/>
    /// continues the run as if it had never stopped. Its <see cref="TrainingOptions"/> are the saved ones.
    /// </summary>
    /// <exception cref="GanCheckpointException">The file is missing, truncated, corrupt (checksum) or not a super-resolution training checkpoint.</exception>
    public static SrTrainer LoadCheckpoint(string path)
    {
        using var file = GanCheckpointFile.Read(path);
        if (file.Metadata.GetValueOrDefault(KindKey) != KindValue)
            throw new GanCheckpointException(path, "it is not a super-resolution training checkpoint");
        var (model, training) = ParseOptions(path, () => (SrResNetOptions.FromMetadata(file.Metadata), SrTrainerOptions.FromMetadata(file.Metadata)));
        var trainer = new SrTrainer(model, training);
        try
        {
            trainer.Restore(file.Tensors, file.Metadata);
            return trainer;
        }
        catch (Exception e)
        {
            trainer.Dispose();
            throw new GanCheckpointException(path, $"its state does not fit a {training.Mode} trainer: {e.Message}", e);
        }
    }

    /// <summary>Disposes the networks and optimisers.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _generatorOptimizer?.Dispose();
        _discriminatorOptimizer?.Dispose();
        Generator?.Dispose();
        Discriminator?.Dispose();
    }

    private (double Generator, double Discriminator) TrainBatch(SrPatchDataset data, SrTrainerOptions options)
    {
        using var scope = NewDisposeScope();
        using var batch = data.TrainingBatch(Step, options.BatchSize);
        var lr = batch.LowResolution.to(TorchRuntime.DefaultDevice);
        var hr = batch.HighResolution.to(TorchRuntime.DefaultDevice);
        return Discriminator is null ? SrResNetStep(lr, hr, options) : SrganStep(lr, hr, options, Discriminator);
    }

    // SRResNet: the pixel loss alone.
    private (double Generator, double Discriminator) SrResNetStep(Tensor lr, Tensor hr, SrTrainerOptions options)
    {
        var pixel = SrLosses.Pixel(Generator.call(lr), hr, options.PixelLoss);
        double value = RequireFinite(pixel, "pixel");
        Generator.zero_grad();
        pixel.backward();
        _generatorOptimizer.step();
        return (value, double.NaN);
    }

    // SRGAN: one discriminator step on HR against the detached SR images, then one generator step on content +
    // adversarial through the updated discriminator.
    private (double Generator, double Discriminator) SrganStep(Tensor lr, Tensor hr, SrTrainerOptions options, SrganDiscriminator discriminator)
    {
        var sr = Generator.call(lr);
        var discriminatorLoss = SrLosses.Discriminator(discriminator.call(hr), discriminator.call(sr.detach()));
        double discriminatorValue = RequireFinite(discriminatorLoss, "discriminator");
        discriminator.zero_grad();
        discriminatorLoss.backward();
        _discriminatorOptimizer!.step();
        var content = SrLosses.Content(sr, hr, options.PixelLoss, options.ContentLoss, discriminator);
        var generatorLoss = SrLosses.Generator(content, discriminator.call(sr), options.AdversarialWeight);
        double generatorValue = RequireFinite(generatorLoss, "generator");
        Generator.zero_grad();
        generatorLoss.backward();
        _generatorOptimizer.step();
        return (generatorValue, discriminatorValue);
    }

    private double RequireFinite(Tensor loss, string which)
    {
        double value = loss.item<float>();
        if (!double.IsFinite(value)) throw _divergence = new SrTrainingDivergedException(which, value, Epoch + 1, Step + 1);
        return value;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_divergence is not null)
            throw new InvalidOperationException($"this trainer diverged and its state must not be trained or saved further. {_divergence.Message}", _divergence);
    }

    // The PSNR of the patches' mean squared error, not the mean of their PSNRs: a flat patch that bicubic reproduces
    // exactly has an infinite PSNR and would make the mean infinite, and near-flat patches would outweigh textured ones.
    private static double PooledPsnr(List<double> psnr) => -10 * Math.Log10(psnr.Average(p => Math.Pow(10, -p / 10)));

    // Validation judges what an image would hold: values clamped to [0, 1] and rounded to 8 bits.
    private static Tensor Quantise(Tensor images) => images.clamp(0.0, 1.0).mul(255.0).round().div(255.0);

    private void Restore(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Generator.LoadStateDictChecked(Section(tensors, GeneratorKey));
        AdamState.Restore(_generatorOptimizer, Section(tensors, GeneratorOptimizerKey), Section(metadata, GeneratorOptimizerKey));
        if (Discriminator is not null)
        {
            Discriminator.LoadStateDictChecked(Section(tensors, DiscriminatorKey));
            AdamState.Restore(_discriminatorOptimizer!, Section(tensors, DiscriminatorOptimizerKey), Section(metadata, DiscriminatorOptimizerKey));
        }
        Epoch = ParseInt(metadata, EpochKey);
        Step = ParseLong(metadata, StepKey);
        _epochStep = ParseInt(metadata, EpochStepKey);
    }

    private void Write(string message) => Log?.Invoke(this, new GanTrainerLogEventArgs(message));

    private static string Describe(SrTrainingProgress p)
    {
        string discriminator = double.IsNaN(p.DiscriminatorLoss)
            ? "" : string.Create(CultureInfo.InvariantCulture, $", D loss {p.DiscriminatorLoss:F4}");
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.TotalEpochs} step {p.Step} batch {p.Batch}/{p.BatchesPerEpoch}: G loss {p.GeneratorLoss:F5}{discriminator}, {p.PatchesPerSecond:F1} patches/s");
    }

    private const int ValidationBatch = 16;
    private const ulong GeneratorStream = 1, DiscriminatorStream = 2;
    private const string KindKey = "checkpoint.kind";
    private const string KindValue = "super_resolution";
    private const string GeneratorKey = "generator.";
    private const string DiscriminatorKey = "discriminator.";
    private const string GeneratorOptimizerKey = "generator_optimizer.";
    private const string DiscriminatorOptimizerKey = "discriminator_optimizer.";
    private const string EpochKey = "state.epoch";
    private const string StepKey = "state.step";
    private const string EpochStepKey = "state.epoch_step";
}
