namespace Gan.MLNet.Data;

/// <summary>
/// The names of the model format. A model is one zip: <c>manifest.json</c> (format name and version, the input schema,
/// the components with their kinds, options, scopes, parts and entries, and a SHA-256 per entry) plus the entries
/// (<c>schema/...</c> for annotation values, <c>components/{id}/...</c> for component state), stored uncompressed.
/// </summary>
internal static class ModelManifest
{
    public const string EntryName = "manifest.json";

    public const string FormatName = "Gan.MLNet.Model";

    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const int FormatVersion = 1;
}
