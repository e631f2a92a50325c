namespace Gan.MLNet;

/// <summary>A component that can write itself into a model file (as in ML.NET); <see cref="ITransformer"/> extends it.</summary>
public interface ICanSaveModel
{
    /// <summary>
    /// Writes the component: its registry kind (<see cref="ModelSaveContext.Kind"/>), its options, its binary entries
    /// and, for composites, its parts. The kind must be registered in <see cref="ModelComponentRegistry"/> for the
    /// model to load.
    /// </summary>
    /// <param name="context">Where to write.</param>
    /// <exception cref="NotSupportedException">The component cannot be saved.</exception>
    void Save(ModelSaveContext context);
}
