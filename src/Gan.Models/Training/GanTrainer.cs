using System.Diagnostics;
using System.Globalization;
using Gan.Models.Gans;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static Gan.Models.Training.CheckpointState;
using static TorchSharp.torch;

namespace Gan.Models.Training;

/// <summary>
/// Trains any <see cref="GanKind"/> built by <see cref="GanNetworks.Create"/>: shuffled mini-batches, D steps then G
/// steps per batch, Adam for each network, a fixed-noise sample grid and a full-state checkpoint after every epoch,
/// progress, cancellation and divergence detection. A checkpoint resumes bit-exactly: training 2 epochs, saving,
/// loading and training 1 more equals training 3 in one go. Not thread-safe; one <see cref="Train"/> at a time.
/// </summary>
public sealed class GanTrainer : IDisposable
{
    private readonly GanOptions _modelOptions;
    private readonly Adam _generatorOptimizer;
    private readonly Adam _discriminatorOptimizer;
    private readonly Generator _random;
    private readonly Tensor _fixedNoise;
    private readonly Tensor? _fixedLabels;
    private Tensor _globalRandomState;
    private Tensor? _epochOrder;
    private int _epochBatch;
    private int _epochBatchSize;
    private int _collapseRun;
    private bool _training;
    private bool _disposed;
    private GanTrainingDivergedException? _divergence;
    private (string Path, int Epoch, long Step)? _lastGoodCheckpoint;

    /// <summary>
    /// Builds G and D with <see cref="GanNetworks.Create"/>(<paramref name="model"/>, <paramref name="training"/>.Seed),
    /// their Adam optimisers (learning rates and betas from <paramref name="model"/>), and draws the fixed sample noise.
    /// The trainer's shuffling/noise generator and the state it gives libtorch's global generator (which dropout
    /// draws from) are seeded from the same seed, so one seed fixes the whole run.
    /// </summary>
    /// <exception cref="ArgumentException">Either options object is invalid (the message names the option).</exception>
    public GanTrainer(GanOptions model, GanTrainerOptions training)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        model.Validate();
        training.Validate();
        _modelOptions = model.Clone();
        TrainingOptions = training;
        Networks = GanNetworks.Create(_modelOptions, training.Seed);
        try
        {
            // Arrays, not the modules' lazy enumerations: Adam walks its parameter list on every step.
            _generatorOptimizer = optim.Adam(Networks.Generator.parameters().ToArray(), model.GeneratorLearningRate, model.Beta1, model.Beta2);
            _discriminatorOptimizer = optim.Adam(Networks.Discriminator.parameters().ToArray(), model.DiscriminatorLearningRate, model.Beta1, model.Beta2);
            _random = new Generator(DeriveSeed(training.Seed, 1));
            using (var dropout = new Generator(DeriveSeed(training.Seed, 2)))
                _globalRandomState = dropout.get_state().DetachFromDisposeScope();
            (_fixedNoise, _fixedLabels) = DrawFixedNoise(training.SampleGridColumns);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>G and D (owned by the trainer).</summary>
    public GanNetworks Networks { get; }

    /// <summary>A copy of the model options the trainer was built with.</summary>
    public GanOptions ModelOptions => _modelOptions.Clone();

    /// <summary>
    /// The training options, read again at every <see cref="Train"/> call (change <see cref="GanTrainerOptions.Epochs"/>,
    /// paths, logging or divergence settings between calls); <see cref="GanTrainerOptions.Seed"/> and
    /// <see cref="GanTrainerOptions.SampleGridColumns"/> are used only when the trainer is built.
    /// </summary>
    public GanTrainerOptions TrainingOptions { get; private set; }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>Batches completed (the global step).</summary>
    public long Step { get; private set; }

    /// <summary>The last checkpoint this trainer wrote or was loaded from (full path), or null.</summary>
    public string? LastCheckpoint => _lastGoodCheckpoint?.Path;

    /// <summary>Human-readable progress lines: every <see cref="GanTrainerOptions.LogEveryBatches"/> batches and after every epoch.</summary>
    public event EventHandler<GanTrainerLogEventArgs>? Log;

    /// <summary>
    /// Trains <see cref="GanTrainerOptions.Epochs"/> more epochs (an epoch interrupted by cancellation is finished first
    /// and counts as one of them). Each epoch shuffles the samples with the trainer's generator and runs
    /// ⌊N / batch⌋ batches (the few samples left over differ every epoch); each batch takes
    /// <see cref="GanTrainerOptions.DiscriminatorStepsPerBatch"/> D steps on the real batch and fresh fakes, then
    /// <see cref="GanTrainerOptions.GeneratorStepsPerBatch"/> G steps (the first reuses the last D step's fakes, as in
    /// the PyTorch DCGAN example). D sees the real batch and the fakes as the generator presents them for training
    /// (the samples and G(z, y), or for LAPGAN every level of the real and the fake pyramid). After each epoch: the
    /// sample grid and the checkpoint, when configured.
    /// </summary>
    /// <param name="samples">float32 [N, …<see cref="GanOptions.SampleShape"/>] in [−1, 1], N ≥ 2.</param>
    /// <param name="labels">int64 [N] in [0, ClassCount) for conditional kinds; null for unconditional ones.</param>
    /// <param name="progress">Told after every batch.</param>
    /// <param name="cancellationToken">Checked before every batch; the trainer then stays at its last completed batch, ready to save.</param>
    /// <exception cref="ArgumentException">The samples or labels do not fit the options, or a resumed epoch gets a different set size or batch size.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    /// <exception cref="GanTrainingDivergedException">The losses became non-finite or D's loss collapsed; the trainer refuses further use.</exception>
    public GanTrainingResult Train(Tensor samples, Tensor? labels, IProgress<GanTrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        var options = TrainingOptions;
        options.Validate();
        long count = GanTrainingData.Check(_modelOptions, samples, labels);
        int batchSize = (int)Math.Min(options.BatchSize, count);
        if (_epochOrder is not null && (_epochOrder.size(0) != count || _epochBatchSize != batchSize))
            throw new ArgumentException(
                $"epoch {Epoch + 1} was interrupted over {_epochOrder.size(0)} samples in batches of {_epochBatchSize}; " +
                $"finish it with the same samples and BatchSize (got {count} samples, batches of {batchSize})", nameof(samples));

        var run = new Run(options, samples, labels, batchSize, (int)(count / batchSize), checked(Epoch + options.Epochs), progress);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"training {_modelOptions.Kind} GAN, epochs {Epoch + 1} to {run.TargetEpoch}: {count} samples, {run.BatchesPerEpoch} batches of {batchSize} per epoch, " +
            $"{options.DiscriminatorStepsPerBatch} D and {options.GeneratorStepsPerBatch} G steps per batch, {_modelOptions.Loss} G loss"));
        using var callerRandomState = random.get_rng_state();
        random.set_rng_state(_globalRandomState);
        using var convolutions = TrainingConvolutions.NativeWhereOneDnnIsCapped();
        _training = true;
        try
        {
            while (Epoch < run.TargetEpoch) TrainEpoch(run, cancellationToken);
        }
        finally
        {
            _training = false;
            ReplaceGlobalRandomState(random.get_rng_state());
            random.set_rng_state(callerRandomState);
        }
        var elapsed = run.Clock.Elapsed;
        return new GanTrainingResult(Epoch, Step, run.DiscriminatorLosses, run.GeneratorLosses, elapsed,
            run.SamplesTrained / Math.Max(elapsed.TotalSeconds, 1e-9));
    }

    /// <summary>
    /// Writes the full training state to <paramref name="path"/> atomically: G and D (with BatchNorm buffers), both Adam
    /// states, epoch, step and position inside an interrupted epoch, the trainer's and the global generator's states,
    /// the fixed noise, and both options objects, with a SHA-256 checksum.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trainer diverged: its state must not replace a good checkpoint.</exception>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfUnusable();
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string>();
        AddSection(tensors, GeneratorKey, Networks.Generator.state_dict());
        AddSection(tensors, DiscriminatorKey, Networks.Discriminator.state_dict());
        var generatorState = AdamState.Extract(_generatorOptimizer);
        var discriminatorState = AdamState.Extract(_discriminatorOptimizer);
        AddSection(tensors, GeneratorOptimizerKey, generatorState.Tensors);
        AddSection(metadata, GeneratorOptimizerKey, generatorState.Metadata);
        AddSection(tensors, DiscriminatorOptimizerKey, discriminatorState.Tensors);
        AddSection(metadata, DiscriminatorOptimizerKey, discriminatorState.Metadata);
        tensors[TrainerRandomKey] = _random.get_state();
        // During Train (e.g. from a progress handler) the live global state is the run's.
        tensors[GlobalRandomKey] = _training ? random.get_rng_state() : _globalRandomState;
        tensors[FixedNoiseKey] = _fixedNoise;
        if (_fixedLabels is not null) tensors[FixedLabelsKey] = _fixedLabels;
        if (_epochOrder is not null) tensors[EpochOrderKey] = _epochOrder;
        AddSection(metadata, "", _modelOptions.ToMetadata());
        AddSection(metadata, "", TrainingOptions.ToMetadata());
        metadata[EpochKey] = Text(Epoch);
        metadata[StepKey] = Text(Step);
        metadata[EpochBatchKey] = Text(_epochBatch);
        metadata[EpochBatchSizeKey] = Text(_epochBatchSize);
        metadata[CollapseRunKey] = Text(_collapseRun);
        GanCheckpointFile.Write(path, tensors, metadata);
        _lastGoodCheckpoint = (Path.GetFullPath(path), Epoch, Step);
    }

    /// <summary>
    /// Rebuilds a trainer from a checkpoint written by <see cref="SaveCheckpoint"/>, exactly as it was: the next
    /// <see cref="Train"/> continues the run as if it had never stopped. Its <see cref="TrainingOptions"/> are the saved
    /// ones; set <see cref="GanTrainerOptions.Epochs"/> to choose how many more epochs to train.
    /// </summary>
    /// <exception cref="GanCheckpointException">The file is missing, truncated, corrupt (checksum) or does not describe a trainer.</exception>
    public static GanTrainer LoadCheckpoint(string path)
    {
        using var file = GanCheckpointFile.Read(path);
        var (model, training) = ParseOptions(path, () => (GanOptions.FromMetadata(file.Metadata), GanTrainerOptions.FromMetadata(file.Metadata)));
        var trainer = new GanTrainer(model, training);
        try
        {
            trainer.Restore(file.Tensors, file.Metadata, path);
            return trainer;
        }
        catch (Exception e) when (e is not GanCheckpointException)
        {
            trainer.Dispose();
            throw new GanCheckpointException(path, $"its state does not fit a {model.Kind} trainer: {e.Message}", e);
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the networks, optimisers and state tensors.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _generatorOptimizer?.Dispose();
        _discriminatorOptimizer?.Dispose();
        Networks?.Dispose();
        _random?.Dispose();
        _globalRandomState?.Dispose();
        _fixedNoise?.Dispose();
        _fixedLabels?.Dispose();
        _epochOrder?.Dispose();
    }

    private void TrainEpoch(Run run, CancellationToken cancellationToken)
    {
        if (_epochOrder is null)
        {
            _epochOrder = randperm(run.Samples.size(0), generator: _random).DetachFromDisposeScope();
            _epochBatchSize = run.BatchSize;
        }
        var epochClock = Stopwatch.StartNew();
        long epochSamples = 0;
        double dSum = 0, gSum = 0;
        int batchesThisCall = 0;
        while (_epochBatch < run.BatchesPerEpoch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = TrainBatch(run, (long)_epochBatch * run.BatchSize);
            _epochBatch++;
            Step++;
            run.DiscriminatorLosses.Add(batch.DiscriminatorLoss);
            run.GeneratorLosses.Add(batch.GeneratorLoss);
            run.SamplesTrained += run.BatchSize;
            epochSamples += run.BatchSize;
            dSum += batch.DiscriminatorLoss;
            gSum += batch.GeneratorLoss;
            batchesThisCall++;
            var report = new GanTrainingProgress(Epoch + 1, run.TargetEpoch, Step, _epochBatch, run.BatchesPerEpoch,
                batch.DiscriminatorLoss, batch.GeneratorLoss, batch.RealScore, batch.FakeScore,
                epochSamples / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9));
            run.Progress?.Report(report);
            if (run.Options.LogEveryBatches > 0 && Step % run.Options.LogEveryBatches == 0) Write(Describe(report));
            CheckCollapse(batch.DiscriminatorLoss, run.Options);
        }
        _epochOrder.Dispose();
        _epochOrder = null;
        _epochBatch = 0;
        Epoch++;
        string done = string.Create(CultureInfo.InvariantCulture,
            $"epoch {Epoch}/{run.TargetEpoch} done at step {Step}: mean D loss {dSum / Math.Max(batchesThisCall, 1):F4}, " +
            $"mean G loss {gSum / Math.Max(batchesThisCall, 1):F4}, {epochSamples / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9):F0} images/s");
        if (run.Options.SampleDirectory is { } folder) done += $"; samples {WriteSampleGrid(folder)}";
        if (run.Options.CheckpointPath is { } checkpoint)
        {
            SaveCheckpoint(checkpoint);
            done += $"; checkpoint {checkpoint}";
        }
        Write(done);
    }

    private BatchResult TrainBatch(Run run, long start)
    {
        using var scope = NewDisposeScope();
        var generator = Networks.Generator;
        var discriminator = Networks.Discriminator;
        var index = _epochOrder!.narrow(0, start, run.BatchSize);
        var real = generator.TrainingReal(run.Samples.index_select(0, index).to(TorchRuntime.DefaultDevice));
        var labels = run.Labels?.index_select(0, index).to(TorchRuntime.DefaultDevice);

        Tensor fake = null!;
        double discriminatorLoss = 0, realScore = 0, fakeScore = 0;
        for (int k = 0; k < run.Options.DiscriminatorStepsPerBatch; k++)
        {
            // Only the last D step's fakes feed the first G step, so only they keep G's graph.
            fake = Fake(run.BatchSize, labels, real, keepGraph: k == run.Options.DiscriminatorStepsPerBatch - 1);
            var realLogits = discriminator.call(real, labels);
            var fakeLogits = discriminator.call(fake.detach(), labels);
            var loss = GanLosses.Discriminator(realLogits, fakeLogits);
            discriminatorLoss = RequireFinite(loss, GanDivergence.NonFiniteDiscriminatorLoss);
            discriminator.zero_grad();
            loss.backward();
            _discriminatorOptimizer.step();
            realScore = MeanProbability(realLogits);
            fakeScore = MeanProbability(fakeLogits);
        }

        double generatorLoss = 0;
        for (int k = 0; k < run.Options.GeneratorStepsPerBatch; k++)
        {
            if (k > 0) fake = Fake(run.BatchSize, labels, real, keepGraph: true);
            var loss = GanLosses.Generator(discriminator.call(fake, labels), _modelOptions.Loss);
            generatorLoss = RequireFinite(loss, GanDivergence.NonFiniteGeneratorLoss);
            generator.zero_grad();
            loss.backward();
            _generatorOptimizer.step();
        }
        return new BatchResult(discriminatorLoss, generatorLoss, realScore, fakeScore);
    }

    // Conditional fakes take the real batch's labels, so D sees the same label distribution on both sides.
    private Tensor Fake(int count, Tensor? labels, Tensor real, bool keepGraph)
    {
        using var gradMode = keepGraph ? enable_grad() : no_grad();
        return Networks.Generator.TrainingFakes(Networks.Generator.SampleNoise(count, _random), labels, real);
    }

    private static double MeanProbability(Tensor logits)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return logits.sigmoid().mean().item<float>();
    }

    private double RequireFinite(Tensor loss, GanDivergence reason)
    {
        double value = loss.item<float>();
        if (!double.IsFinite(value)) Diverge(reason, $"loss {value.ToString(CultureInfo.InvariantCulture)}", Step + 1);
        return value;
    }

    private void CheckCollapse(double discriminatorLoss, GanTrainerOptions options)
    {
        _collapseRun = discriminatorLoss < options.CollapseDiscriminatorLoss ? _collapseRun + 1 : 0;
        if (options.CollapseBatches > 0 && _collapseRun >= options.CollapseBatches)
            Diverge(GanDivergence.DiscriminatorCollapse,
                string.Create(CultureInfo.InvariantCulture,
                    $"below {options.CollapseDiscriminatorLoss:G3} for {_collapseRun} consecutive batches, last {discriminatorLoss:G3}"),
                Step);
    }

    private void Diverge(GanDivergence reason, string detail, long step)
    {
        var good = _lastGoodCheckpoint;
        _divergence = new GanTrainingDivergedException(reason, detail, Epoch + 1, step, good?.Path, good?.Epoch ?? 0, good?.Step ?? 0);
        Write(_divergence.Message);
        throw _divergence;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_divergence is not null)
            throw new InvalidOperationException($"this trainer diverged and its state must not be trained or saved further. {_divergence.Message}", _divergence);
    }

    private string WriteSampleGrid(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"epoch-{Epoch:D3}.png"));
        var generator = Networks.Generator;
        bool wasTraining = generator.training;
        using var scope = NewDisposeScope();
        Tensor samples;
        generator.eval();
        try
        {
            using var noGrad = no_grad();
            samples = generator.call(_fixedNoise, _fixedLabels);
        }
        finally
        {
            generator.train(wasTraining);
        }
        int columns = _fixedLabels is null
            ? (int)Math.Round(Math.Sqrt(_fixedNoise.size(0)))
            : (int)(_fixedNoise.size(0) / _modelOptions.ClassCount);
        var rowLabels = _fixedLabels is null ? null : Enumerable.Range(0, _modelOptions.ClassCount).Select(c => Text(c)).ToArray();
        GanSampleGrid.Write(samples, columns, rowLabels, path);
        return path;
    }

    // Unconditional: columns × columns noise vectors; conditional: one row of `columns` per class.
    private (Tensor Noise, Tensor? Labels) DrawFixedNoise(int columns)
    {
        if (!_modelOptions.IsConditional)
            return (Networks.Generator.SampleNoise((long)columns * columns, _random).DetachFromDisposeScope(), null);
        long count = (long)columns * _modelOptions.ClassCount;
        var noise = Networks.Generator.SampleNoise(count, _random).DetachFromDisposeScope();
        using var scope = NewDisposeScope();
        var classes = arange(_modelOptions.ClassCount, dtype: ScalarType.Int64, device: TorchRuntime.DefaultDevice);
        var labels = classes.unsqueeze(1).expand(_modelOptions.ClassCount, columns).reshape(count).DetachFromDisposeScope();
        return (noise, labels);
    }

    private void Restore(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata, string path)
    {
        Networks.Generator.LoadStateDictChecked(Section(tensors, GeneratorKey));
        Networks.Discriminator.LoadStateDictChecked(Section(tensors, DiscriminatorKey));
        AdamState.Restore(_generatorOptimizer, Section(tensors, GeneratorOptimizerKey), Section(metadata, GeneratorOptimizerKey));
        AdamState.Restore(_discriminatorOptimizer, Section(tensors, DiscriminatorOptimizerKey), Section(metadata, DiscriminatorOptimizerKey));
        var globalState = Required(tensors, GlobalRandomKey);
        using (var probe = new Generator())
            probe.SetStateChecked(globalState);
        _random.SetStateChecked(Required(tensors, TrainerRandomKey));
        ReplaceGlobalRandomState(globalState.clone());
        CopyExact(_fixedNoise, Required(tensors, FixedNoiseKey), FixedNoiseKey);
        if (_fixedLabels is not null) CopyExact(_fixedLabels, Required(tensors, FixedLabelsKey), FixedLabelsKey);
        _epochOrder = tensors.TryGetValue(EpochOrderKey, out var order) ? order.clone().DetachFromDisposeScope() : null;
        Epoch = ParseInt(metadata, EpochKey);
        Step = ParseLong(metadata, StepKey);
        _epochBatch = ParseInt(metadata, EpochBatchKey);
        _epochBatchSize = ParseInt(metadata, EpochBatchSizeKey);
        _collapseRun = ParseInt(metadata, CollapseRunKey);
        _lastGoodCheckpoint = (Path.GetFullPath(path), Epoch, Step);
    }

    private static void CopyExact(Tensor target, Tensor source, string key)
    {
        if (!target.shape.SequenceEqual(source.shape) || target.dtype != source.dtype)
            throw new FormatException($"'{key}' is {source.dtype} [{string.Join(", ", source.shape)}], expected {target.dtype} [{string.Join(", ", target.shape)}]");
        target.copy_(source);
    }

    private void ReplaceGlobalRandomState(Tensor state)
    {
        _globalRandomState.Dispose();
        _globalRandomState = state.DetachFromDisposeScope();
    }

    private void Write(string message) => Log?.Invoke(this, new GanTrainerLogEventArgs(message));

    private static string Describe(GanTrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {p.Epoch}/{p.TotalEpochs} step {p.Step} batch {p.Batch}/{p.BatchesPerEpoch}: D loss {p.DiscriminatorLoss:F4}, " +
        $"G loss {p.GeneratorLoss:F4}, D(x) {p.RealScore:F3}, D(G(z)) {p.FakeScore:F3}, {p.ImagesPerSecond:F0} images/s");

    private const string GeneratorKey = "generator.";
    private const string DiscriminatorKey = "discriminator.";
    private const string GeneratorOptimizerKey = "generator_optimizer.";
    private const string DiscriminatorOptimizerKey = "discriminator_optimizer.";
    private const string TrainerRandomKey = "random.trainer";
    private const string GlobalRandomKey = "random.global";
    private const string FixedNoiseKey = "fixed.noise";
    private const string FixedLabelsKey = "fixed.labels";
    private const string EpochOrderKey = "epoch.order";
    private const string EpochKey = "state.epoch";
    private const string StepKey = "state.step";
    private const string EpochBatchKey = "state.epoch_batch";
    private const string EpochBatchSizeKey = "state.epoch_batch_size";
    private const string CollapseRunKey = "state.collapse_run";

    private sealed record BatchResult(double DiscriminatorLoss, double GeneratorLoss, double RealScore, double FakeScore);

    /// <summary>What one <see cref="Train"/> call works with and accumulates.</summary>
    private sealed class Run(GanTrainerOptions options, Tensor samples, Tensor? labels, int batchSize, int batchesPerEpoch,
        int targetEpoch, IProgress<GanTrainingProgress>? progress)
    {
        public GanTrainerOptions Options { get; } = options;
        public Tensor Samples { get; } = samples;
        public Tensor? Labels { get; } = labels;
        public int BatchSize { get; } = batchSize;
        public int BatchesPerEpoch { get; } = batchesPerEpoch;
        public int TargetEpoch { get; } = targetEpoch;
        public IProgress<GanTrainingProgress>? Progress { get; } = progress;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public List<double> DiscriminatorLosses { get; } = [];
        public List<double> GeneratorLosses { get; } = [];
        public long SamplesTrained { get; set; }
    }
}
