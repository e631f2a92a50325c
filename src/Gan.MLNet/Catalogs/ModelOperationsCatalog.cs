namespace Gan.MLNet;

/// <summary>
/// Operations on trained models (<c>mlContext.Model</c>). Saving and loading a model (one zip with a manifest and
/// each component's state) belong here; every built-in transformer will implement a save method that this catalog
/// calls, and loading will dispatch through a closed registry of known components.
/// </summary>
public sealed class ModelOperationsCatalog
{
    internal ModelOperationsCatalog(MLContext context) => Context = context;

    internal MLContext Context { get; }
}
