using System.Globalization;
using Gan.Models.Datasets;
using Gan.Models.Torch;

namespace Gan.Models.Metrics;

/// <summary>
/// Keeps a trained <see cref="LeNetClassifier"/> in a safetensors file so that quality runs do not retrain it. The
/// file's metadata records the architecture, the training data (a name and the image count) and the recipe; a
/// file whose record differs from the request is retrained and replaced, never silently reused.
/// </summary>
public static class ClassifierCache
{
    /// <summary>
    /// The classifier trained on <paramref name="train"/> with <paramref name="recipe"/>: loaded from
    /// <paramref name="path"/> when the file there was made by the same request, else trained and saved there
    /// (atomically; the folder is created).
    /// </summary>
    /// <param name="path">The cache file.</param>
    /// <param name="train">The training split; its image size and channels choose the architecture.</param>
    /// <param name="datasetName">Names the training data in the record (for example "Fashion-MNIST train").</param>
    /// <param name="recipe">How to train.</param>
    /// <param name="progress">Told after each epoch when training happens.</param>
    /// <exception cref="SafeTensorsFormatException">The file exists but is not valid safetensors.</exception>
    public static LeNetClassifier LoadOrTrain(string path, LabelledImageSet train, string datasetName, ClassifierRecipe recipe,
        IProgress<ClassifierEpoch>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentException.ThrowIfNullOrEmpty(datasetName);
        ArgumentNullException.ThrowIfNull(recipe);
        var classifier = new LeNetClassifier((int)train.Height, (int)train.Channels, train.ClassNames.Count);
        try
        {
            var record = Record(classifier, train, datasetName, recipe);
            if (IsCachedAs(path, record))
            {
                classifier.LoadFrom(path);
                classifier.eval();
                return classifier;
            }
            classifier.Fit(train, recipe, progress);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            classifier.SaveTo(path, record);
            return classifier;
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="path"/> holds a classifier trained as described.</summary>
    public static bool IsCached(string path, LabelledImageSet train, string datasetName, ClassifierRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(train);
        using var shape = new LeNetClassifier((int)train.Height, (int)train.Channels, train.ClassNames.Count);
        return IsCachedAs(path, Record(shape, train, datasetName, recipe));
    }

    private static Dictionary<string, string> Record(LeNetClassifier classifier, LabelledImageSet train, string datasetName, ClassifierRecipe recipe)
    {
        var record = new Dictionary<string, string>(classifier.ArchitectureMetadata())
        {
            ["train.dataset"] = datasetName,
            ["train.count"] = train.Count.ToString(CultureInfo.InvariantCulture),
            ["train.pixel_range"] = train.Range.ToString(),
        };
        foreach (var (key, value) in recipe.ToMetadata()) record[key] = value;
        return record;
    }

    private static bool IsCachedAs(string path, IReadOnlyDictionary<string, string> record)
    {
        if (!File.Exists(path)) return false;
        using var file = SafeTensors.Load(path);
        return record.All(entry => file.Metadata.TryGetValue(entry.Key, out var value) && value == entry.Value);
    }
}
