namespace Gan.MLNet;

/// <summary>What a model file written by SaveWithNetworks holds (<c>mlContext.Model.DescribeWithNetworks</c>).</summary>
/// <param name="FormatVersion">The Gan.MLNet format version; 0 for a plain ML.NET model file.</param>
/// <param name="Transformers">Our transformers, in pipeline order (depth first).</param>
/// <param name="Entries">Every entry of the zip, ML.NET's and ours, with its size and SHA-256 (all verified).</param>
public sealed record NetworkModelDescription(int FormatVersion, IReadOnlyList<NetworkModelComponent> Transformers, IReadOnlyList<NetworkModelEntry> Entries);

/// <summary>One of our transformers in a model file.</summary>
/// <param name="Kind">GanGenerate or SuperResolve.</param>
/// <param name="SettingsJson">Its column names and options, as stored.</param>
public sealed record NetworkModelComponent(string Kind, string SettingsJson);

/// <summary>One entry of a model file.</summary>
/// <param name="Name">The path inside the zip.</param>
/// <param name="Size">The uncompressed size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, in lower-case hex.</param>
public sealed record NetworkModelEntry(string Name, long Size, string Sha256);
