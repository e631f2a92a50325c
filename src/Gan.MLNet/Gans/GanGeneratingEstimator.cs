using System.Runtime.InteropServices;
using Gan.Models.Gans;
using Gan.Models.Torch;
using Gan.Models.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Trains a GAN on an image or vector column (<c>mlContext.Transforms.GanGenerate</c>) and returns a
/// <see cref="GanGeneratingTransformer"/> holding its generator.
/// </summary>
/// <remarks>
/// Fit reads the column (and the key label column) once into memory and trains with <see cref="GanTrainer"/>,
/// reporting to <see cref="Options.Progress"/> and <see cref="Options.Log"/>, then keeps a copy of the trained generator.
/// </remarks>
public sealed partial class GanGeneratingEstimator : IEstimator<GanGeneratingTransformer>
{
    private readonly TransformsCatalog _catalog;

    internal GanGeneratingEstimator(TransformsCatalog catalog, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        Settings = options with { Model = options.Model.Clone(), Training = options.Training.Clone() };
    }

    /// <summary>The settings (a copy).</summary>
    public Options Settings { get; }

    /// <inheritdoc />
    /// <exception cref="ColumnNotFoundException">The learned or label column is missing.</exception>
    /// <exception cref="SchemaMismatchException">A column has a type GanGenerate cannot use.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var learned = FindColumn(inputSchema, Settings.LearnedColumnName);
        bool image = learned.Kind == SchemaShape.Column.VectorKind.Scalar && learned.ItemType is ImageDataViewType;
        if (!image && !(learned.Kind == SchemaShape.Column.VectorKind.Vector && learned.ItemType == NumberDataViewType.Single))
            throw new SchemaMismatchException(learned.Name, "an image column of fixed size or a Single vector of fixed length", learned.ItemType.ToString());
        if (Settings.LabelColumnName is { } labelName)
        {
            var label = FindColumn(inputSchema, labelName);
            if (!label.IsKey || label.Kind != SchemaShape.Column.VectorKind.Scalar)
                throw new SchemaMismatchException(labelName, "a key column (use MapValueToKey)", label.ItemType.ToString());
        }
        // ML.NET lets only its own stages make schema-shape columns: stock estimators describe ours.
        if (Settings.Mode == GanGenerateMode.Augment)
            return SyntheticFlagShape.Add(_catalog, inputSchema, Settings.SyntheticColumnName);
        if (image && learned.ItemType is ImageDataViewType { Height: > 0 } sized)
            return _catalog.ResizeImages(Settings.OutputColumnName, sized.Width, sized.Height, learned.Name).GetOutputSchema(inputSchema);
        return _catalog.CopyColumns(Settings.OutputColumnName, learned.Name).GetOutputSchema(inputSchema);
    }

    /// <summary>Reads the data, trains the GAN and returns the transformer holding its generator.</summary>
    /// <exception cref="ColumnNotFoundException">The learned or label column is missing.</exception>
    /// <exception cref="SchemaMismatchException">A column has a type GanGenerate cannot use.</exception>
    /// <exception cref="InvalidColumnValueException">A row has a missing image or label, or a non-finite value.</exception>
    /// <exception cref="ArgumentException">The data does not fit the chosen GAN kind (e.g. an image size DCGAN cannot build).</exception>
    /// <exception cref="GanTrainingDivergedException">Training diverged.</exception>
    /// <exception cref="TorchException">libtorch refused to train (e.g. out of memory); the message names the column.</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public GanGeneratingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = GanTrainingData.Read(input, Settings.LearnedColumnName, Settings.LabelColumnName);
        var model = Settings.Model.Clone();
        model.SampleShape = data.Format.SampleShape;
        model.Kind = Settings.Kind ?? DefaultKind(data);
        model.ClassCount = model.IsConditional ? data.ClassNames.Length : 0;
        if (model.IsConditional && data.Labels is null)
            throw new ArgumentException($"GanGenerate: {model.Kind} is conditional; set the label column", nameof(input));
        model.Validate();
        Log($"training {model.Kind} on {data.Rows} rows of '{Settings.LearnedColumnName}' ({string.Join("×", model.SampleShape)}"
            + (model.IsConditional ? $", {model.ClassCount} classes" : "") + $") for {Settings.Training.Epochs} epochs");

        using var trainer = Settings.ResumeCheckpoint is { } checkpoint ? Resume(checkpoint, model) : new GanTrainer(model, Settings.Training);
        trainer.Log += (_, e) => Log(e.Message);
        // Disposed by hand, not by a dispose scope: one around Train would also collect what the trainer keeps.
        using (var samples = TensorData.FromSpan<float>(data.Samples, [data.Rows, .. model.SampleShape.Select(d => (long)d)]))
        using (var labels = model.IsConditional ? TensorData.FromSpan<long>(data.Labels!, data.Rows) : null)
        {
            try
            {
                trainer.Train(samples, labels, Settings.Progress, Settings.CancellationToken);
            }
            catch (ExternalException e)
            {
                throw TorchException.From(e, $"GanGenerate: training {model.Kind} on '{Settings.LearnedColumnName}'");
            }
        }
        var generator = GanGeneratorSerialization.Copy(trainer.Networks.Generator);
        var settings = new GanGeneratingTransformer.Settings(
            Settings.OutputColumnName, Settings.LearnedColumnName, model.IsConditional ? Settings.LabelColumnName : null, Settings.Mode,
            Settings.SyntheticRowsPerClass, Settings.SyntheticRatio, Settings.BalanceClasses, Settings.SyntheticColumnName,
            model.IsConditional ? data.ClassNames : []);
        return new GanGeneratingTransformer(new GanSampler(generator, data.Format, Settings.GenerationSeed), settings, fitInput: input);
    }

    // The checkpoint's run, continued with this Fit's epochs, checkpoint path and sample folder.
    private GanTrainer Resume(string checkpoint, GanOptions model)
    {
        var trainer = GanTrainer.LoadCheckpoint(checkpoint);
        var saved = trainer.ModelOptions;
        if (saved.Kind != model.Kind || !saved.SampleShape.SequenceEqual(model.SampleShape) || saved.ClassCount != model.ClassCount)
        {
            trainer.Dispose();
            throw new ArgumentException($"GanGenerate: checkpoint '{checkpoint}' trains {saved.Kind} on [{string.Join(", ", saved.SampleShape)}] with {saved.ClassCount} classes; "
                + $"the data asks for {model.Kind} on [{string.Join(", ", model.SampleShape)}] with {model.ClassCount}", nameof(Options.ResumeCheckpoint));
        }
        trainer.TrainingOptions.Epochs = Settings.Training.Epochs;
        trainer.TrainingOptions.CheckpointPath = Settings.Training.CheckpointPath;
        trainer.TrainingOptions.SampleDirectory = Settings.Training.SampleDirectory;
        return trainer;
    }

    private static GanKind DefaultKind(GanTrainingData data)
    {
        bool labelled = data.Labels is not null;
        bool dcganSize = data.Format.IsImage && data.Format.Height == data.Format.Width && GanOptions.ConvolutionalImageSizes.Contains(data.Format.Height);
        return (dcganSize, labelled) switch
        {
            (true, true) => GanKind.ConditionalDcgan,
            (true, false) => GanKind.Dcgan,
            (false, true) => GanKind.Conditional,
            (false, false) => GanKind.Vanilla,
        };
    }

    private static SchemaShape.Column FindColumn(SchemaShape schema, string name) =>
        schema.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).FirstOrDefault()
            ?? throw new ColumnNotFoundException(name, schema.Select(c => c.Name));

    private void Log(string message) => Settings.Log?.Invoke($"GanGenerate: {message}");
}
