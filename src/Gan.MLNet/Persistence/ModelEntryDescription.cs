namespace Gan.MLNet;

/// <summary>One stored entry of a model zip; its checksum was verified when the zip was opened.</summary>
/// <param name="Name">The entry name.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">The SHA-256, lower-case hex.</param>
public sealed record ModelEntryDescription(string Name, long Size, string Sha256);
