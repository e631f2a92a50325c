using Gan.Models.Datasets;
using Gan.Models.Gans;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Metrics;

/// <summary>
/// Measures generated samples with the project's trained <see cref="LeNetClassifier"/> against a real reference split
/// (normally the test split): the Fréchet distance between the classifier's 84-d features of N samples and of every
/// reference image, the conditional accuracy (share classified as the requested label) for conditional sources, and
/// the per-class counts of the predictions (mode collapse). <see cref="Calibrate"/> measures real data and known-bad
/// sources the same way, so each figure can be read beside its floor and ceiling.
/// </summary>
/// <remarks>
/// A sample source is <c>(count, labels) → samples</c>: labels are int64 [count] for conditional sources (this
/// evaluator requests every class equally often, label i mod K for sample i) and null otherwise; samples are float32
/// [count, C, S, S] (or [count, C·S·S]) in the reference's pixel range. The FD of a finite sample is biased upwards, and
/// more so for small N, so compare figures only at the same N (every report records it).
/// </remarks>
public sealed class QualityEvaluator : IDisposable
{
    private readonly Tensor _referenceMean;
    private readonly Tensor _referenceCovariance;
    private readonly Tensor _firstReferenceImage;

    /// <summary>Embeds the reference split once; the classifier and the reference stay owned by the caller.</summary>
    /// <param name="classifier">The trained classifier (its size and channels must match the reference's images).</param>
    /// <param name="reference">The real images FD is measured against and the classifier's accuracy is reported on.</param>
    /// <param name="referenceName">Names the reference in reports (for example "Fashion-MNIST t10k").</param>
    /// <param name="batchSize">Images per classifier pass (bounds memory).</param>
    /// <exception cref="ArgumentException">The images do not fit the classifier, the class counts differ, or fewer than 2 reference images.</exception>
    public QualityEvaluator(LeNetClassifier classifier, LabelledImageSet reference, string referenceName, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(referenceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        classifier.CheckImages(reference.Images);
        if (reference.ClassNames.Count != classifier.ClassCount)
            throw new ArgumentException($"the reference has {reference.ClassNames.Count} classes, the classifier {classifier.ClassCount}", nameof(reference));
        if (reference.Count < 2) throw new ArgumentException("the reference needs at least 2 images to estimate a covariance", nameof(reference));
        Classifier = classifier;
        ReferenceName = referenceName;
        ReferenceCount = reference.Count;
        Range = reference.Range;
        BatchSize = batchSize;
        var (features, predicted) = Embed(reference.Count, (start, n) => reference.Images.narrow(0, start, n));
        using (features)
        {
            ReferenceAccuracy = ClassMetrics.ConditionalAccuracy(predicted, reference.Labels.CopyToArray<long>());
            var (mean, covariance) = FrechetDistance.MeanAndCovariance(features);
            // Owned by this evaluator, not by whatever dispose scope the caller has open.
            _referenceMean = mean.DetachFromDisposeScope();
            _referenceCovariance = covariance.DetachFromDisposeScope();
        }
        _firstReferenceImage = reference.Images.narrow(0, 0, 1).clone().DetachFromDisposeScope();
    }

    /// <summary>The classifier whose features and predictions the metrics use.</summary>
    public LeNetClassifier Classifier { get; }

    /// <summary>The name of the reference split.</summary>
    public string ReferenceName { get; }

    /// <summary>The number of reference images.</summary>
    public long ReferenceCount { get; }

    /// <summary>The pixel range samples must be in (that of the reference).</summary>
    public PixelRange Range { get; }

    /// <summary>Images per classifier pass.</summary>
    public int BatchSize { get; }

    /// <summary>The classifier's accuracy on the reference split: the conditional accuracy real data reaches.</summary>
    public double ReferenceAccuracy { get; }

    /// <summary>Measures <paramref name="count"/> samples of <paramref name="source"/> (see the remarks on the class).</summary>
    /// <param name="source">(count, labels) → samples; labels are null unless <paramref name="conditional"/>.</param>
    /// <param name="count">N, the number of samples (at least 2).</param>
    /// <param name="conditional">Request balanced labels and report the conditional accuracy.</param>
    /// <exception cref="ArgumentException">The source returns samples of another count or shape.</exception>
    public SampleQualityReport Measure(Func<long, Tensor?, Tensor> source, long count, bool conditional)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        long[]? requested = conditional ? [.. Enumerable.Range(0, checked((int)count)).Select(i => (long)(i % Classifier.ClassCount))] : null;
        var (features, predicted) = Embed(count, (start, n) =>
        {
            var labels = requested is null ? null : tensor(requested[(int)start..(int)(start + n)]);
            return AsImages(source(n, labels), n);
        });
        using (features)
            return Report(features, predicted, requested is null ? null : ClassMetrics.ConditionalAccuracy(predicted, requested));
    }

    /// <summary>Measures <paramref name="count"/> samples of <paramref name="generator"/> (in evaluation mode), with noise drawn from <paramref name="seed"/>; conditional kinds get balanced labels.</summary>
    public SampleQualityReport Measure(GanGenerator generator, long count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using var noise = new Generator(seed);
        return Measure((n, labels) => generator.Sample(n, labels, noise), count, generator.Options.IsConditional);
    }

    /// <summary>
    /// The floor and ceilings for a model measured at <paramref name="count"/> samples. Floor: <paramref name="count"/>
    /// real images drawn without replacement from <paramref name="realTrain"/> (FD and class counts), with the
    /// classifier's accuracy on the reference as its conditional accuracy. Ceilings: <paramref name="untrained"/> when
    /// given, the first reference image repeated (total collapse), and uniform noise in the pixel range.
    /// </summary>
    /// <param name="realTrain">Real images other than the reference (the training split), same size and classes.</param>
    /// <param name="count">N, as used for the model.</param>
    /// <param name="conditional">Whether the model is conditional (the ceilings then get labels and a conditional accuracy).</param>
    /// <param name="seed">Draws the real subset and the noise.</param>
    /// <param name="untrained">An untrained generator of the model's architecture, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="realTrain"/> does not fit the classifier or has fewer than <paramref name="count"/> images.</exception>
    public QualityCalibration Calibrate(LabelledImageSet realTrain, long count, bool conditional, ulong seed, GanGenerator? untrained = null)
    {
        ArgumentNullException.ThrowIfNull(realTrain);
        Classifier.CheckImages(realTrain.Images);
        if (realTrain.Count < count)
            throw new ArgumentException($"the real floor needs {count} images; the set has {realTrain.Count}", nameof(realTrain));
        using var random = new Generator(seed);
        using var order = randperm(realTrain.Count, generator: random);
        using var subset = order.narrow(0, 0, count);
        long drawn = 0;
        var real = Measure((n, _) =>
        {
            var batch = realTrain.Images.index_select(0, subset.narrow(0, drawn, n));
            drawn += n;
            return batch;
        }, count, conditional: false);
        var floor = new QualityColumn($"real {count} train images (floor)", QualityColumnRole.Floor,
            real with { ConditionalAccuracy = conditional ? ReferenceAccuracy : null });

        var ceilings = new List<QualityColumn>();
        if (untrained is not null)
            ceilings.Add(new QualityColumn("untrained G (ceiling)", QualityColumnRole.Ceiling, Measure(untrained, count, seed)));
        ceilings.Add(new QualityColumn("one image repeated (ceiling)", QualityColumnRole.Ceiling,
            Measure((n, _) => _firstReferenceImage.expand([n, .. _firstReferenceImage.shape[1..]]).clone(), count, conditional)));
        ceilings.Add(new QualityColumn("uniform noise (ceiling)", QualityColumnRole.Ceiling,
            Measure((n, _) => UniformNoise(n, random), count, conditional)));
        return new QualityCalibration(floor, ceilings);
    }

    /// <summary>The table of <paramref name="models"/> beside <paramref name="calibration"/>, captioned with this evaluator's reference and classifier accuracy.</summary>
    public QualityTable Tabulate(QualityCalibration calibration, params IEnumerable<QualityColumn> models) =>
        new(ReferenceName, ReferenceCount, ReferenceAccuracy, calibration, models);

    /// <summary>Frees the reference statistics.</summary>
    public void Dispose()
    {
        _referenceMean.Dispose();
        _referenceCovariance.Dispose();
        _firstReferenceImage.Dispose();
    }

    private SampleQualityReport Report(Tensor features, long[] predicted, double? conditionalAccuracy)
    {
        using var scope = NewDisposeScope();
        var (mean, covariance) = FrechetDistance.MeanAndCovariance(features);
        double distance = FrechetDistance.Compute(mean, covariance, _referenceMean, _referenceCovariance);
        return new SampleQualityReport(predicted.Length, ReferenceName, ReferenceCount, distance, conditionalAccuracy,
            ClassMetrics.PerClassCounts(predicted, Classifier.ClassCount));
    }

    /// <summary>Features [count, 84] and predicted classes of the images <paramref name="batchAt"/>(start, n) returns, a batch at a time.</summary>
    private (Tensor Features, long[] Predicted) Embed(long count, Func<long, long, Tensor> batchAt)
    {
        Classifier.eval();
        using var noGrad = no_grad();
        var batches = new List<Tensor>();
        var predicted = new List<long>();
        try
        {
            for (long start = 0; start < count; start += BatchSize)
            {
                using var scope = NewDisposeScope();
                long n = Math.Min(BatchSize, count - start);
                var features = Classifier.Features(batchAt(start, n).to(TorchRuntime.DefaultDevice));
                predicted.AddRange(Classifier.Logits(features).argmax(1).CopyToArray<long>());
                batches.Add(features.MoveToOuterDisposeScope());
            }
            return (cat(batches, 0).DetachFromDisposeScope(), [.. predicted]);
        }
        finally
        {
            foreach (var batch in batches) batch.Dispose();
        }
    }

    /// <summary>Checks a source's batch and shapes [n, C·S·S] into [n, C, S, S].</summary>
    private Tensor AsImages(Tensor samples, long n)
    {
        long side = Classifier.ImageSize, channels = Classifier.Channels;
        if (samples.dtype == ScalarType.Float32 && samples.size(0) == n && samples.numel() == n * channels * side * side
            && (samples.dim() == 2 || (samples.dim() == 4 && samples.size(1) == channels && samples.size(2) == side)))
            return samples.reshape(n, channels, side, side);
        throw new ArgumentException(
            $"the sample source returned {samples.dtype} [{string.Join(", ", samples.shape)}] for {n} samples; expected float32 [{n}, {channels}, {side}, {side}] or [{n}, {channels * side * side}]");
    }

    private Tensor UniformNoise(long n, Generator random)
    {
        var unit = rand([n, Classifier.Channels, Classifier.ImageSize, Classifier.ImageSize], generator: random);
        return Range == PixelRange.MinusOneToOne ? unit.mul(2.0).sub(1.0) : unit;
    }
}
