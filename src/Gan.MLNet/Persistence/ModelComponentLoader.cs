namespace Gan.MLNet;

/// <summary>Recreates a transformer of one registered kind from what its <see cref="ICanSaveModel.Save"/> wrote.</summary>
/// <param name="context">The component's options, entries and parts.</param>
/// <returns>The transformer.</returns>
public delegate ITransformer ModelComponentLoader(ModelLoadContext context);
