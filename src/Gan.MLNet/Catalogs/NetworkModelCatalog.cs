using Gan.MLNet;
using Gan.MLNet.Persistence;

namespace Microsoft.ML;

/// <summary>
/// Saving and loading on <c>mlContext.Model</c> for pipelines that hold GanGenerate or SuperResolve: one file for the
/// whole chain, stock ML.NET stages and ours with their networks.
/// </summary>
/// <remarks>
/// The file is ML.NET's own model zip (written by <c>mlContext.Model.Save</c>) in which each of our transformers is a
/// placeholder, plus entries under <c>GanMLNet/</c> with their settings and weights (safetensors) and a manifest holding
/// the SHA-256 of every entry. Stock <c>mlContext.Model.Save</c> refuses a pipeline with our transformers, and stock
/// <c>mlContext.Model.Load</c> refuses such a file, each with a message naming these methods — never a model without
/// its networks. ML.NET offers third parties no public way to store their own state in its format (ML.NET issues
/// #4911, #6839); this uses its public API only.
/// </remarks>
public static class NetworkModelCatalog
{
    /// <summary>Saves <paramref name="model"/> with its networks to <paramref name="filePath"/>, atomically (a temporary file, then a rename).</summary>
    /// <param name="catalog">The model catalog.</param>
    /// <param name="model">The fitted pipeline (any mix of stock and Gan.MLNet transformers).</param>
    /// <param name="inputSchema">The schema of the data the pipeline takes, as for <c>Model.Save</c>.</param>
    /// <param name="filePath">The file to write; replaced if it exists.</param>
    public static void SaveWithNetworks(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        NetworkModelFile.Save(catalog, model, inputSchema, filePath);
    }

    /// <summary>Saves <paramref name="model"/> with its networks to <paramref name="stream"/>.</summary>
    /// <param name="catalog">The model catalog.</param>
    /// <param name="model">The fitted pipeline (any mix of stock and Gan.MLNet transformers).</param>
    /// <param name="inputSchema">The schema of the data the pipeline takes, as for <c>Model.Save</c>.</param>
    /// <param name="stream">Where to write; the whole file is built in memory first, so a failure writes nothing.</param>
    public static void SaveWithNetworks(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        NetworkModelFile.Save(catalog, model, inputSchema, stream);
    }

    /// <summary>Loads a pipeline saved by <see cref="SaveWithNetworks(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/> (or by stock <c>Model.Save</c>).</summary>
    /// <param name="catalog">The model catalog.</param>
    /// <param name="filePath">The model file.</param>
    /// <param name="inputSchema">The schema of the data the pipeline takes.</param>
    /// <returns>The pipeline with its transformers, their networks and their scopes; dispose it to free the networks.</returns>
    /// <exception cref="ModelFormatException">The file is not a model, is truncated or altered (a checksum differs), or was written by a newer Gan.MLNet; the message names the file.</exception>
    public static ITransformer LoadWithNetworks(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return NetworkModelFile.Load(catalog, filePath, out inputSchema);
    }

    /// <summary>Loads a pipeline saved by <see cref="SaveWithNetworks(ModelOperationsCatalog, ITransformer, DataViewSchema, Stream)"/> (or by stock <c>Model.Save</c>).</summary>
    /// <param name="catalog">The model catalog.</param>
    /// <param name="stream">The model file's bytes.</param>
    /// <param name="inputSchema">The schema of the data the pipeline takes.</param>
    /// <returns>The pipeline with its transformers, their networks and their scopes; dispose it to free the networks.</returns>
    /// <exception cref="ModelFormatException">The stream is not a model, is truncated or altered, or was written by a newer Gan.MLNet.</exception>
    public static ITransformer LoadWithNetworks(this ModelOperationsCatalog catalog, Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        return NetworkModelFile.Load(catalog, stream, "stream", out inputSchema);
    }

    /// <summary>What a model file holds (our transformers with their settings, every entry with its checksum), after verifying it.</summary>
    /// <param name="catalog">The model catalog.</param>
    /// <param name="filePath">The model file.</param>
    /// <exception cref="ModelFormatException">The file is not a model, is truncated or altered, or was written by a newer Gan.MLNet.</exception>
    public static NetworkModelDescription DescribeWithNetworks(this ModelOperationsCatalog catalog, string filePath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return NetworkModelFile.Describe(filePath);
    }
}
