namespace Gan.MLNet;

/// <summary>What a model zip holds, from <see cref="ModelOperationsCatalog.Describe"/>.</summary>
/// <param name="FormatVersion">The manifest's format version.</param>
/// <param name="FileSize">The zip's size in bytes.</param>
/// <param name="RootId">The component the model starts from.</param>
/// <param name="Components">The components (a chain and its steps), by id.</param>
/// <param name="Entries">The stored entries (weights, tables), by name.</param>
public sealed record ModelDescription(int FormatVersion, long FileSize, int RootId,
    IReadOnlyList<ModelComponentDescription> Components, IReadOnlyList<ModelEntryDescription> Entries);
