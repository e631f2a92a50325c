using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>One unit of a streaming image job: read <see cref="InputPath"/>, transform, write <see cref="OutputPath"/>.</summary>
/// <param name="InputPath">The file to read.</param>
/// <param name="Key">
/// The input's stable name within the job (its path relative to the input folder with '/' separators, or the manifest's
/// path as written): what shards partition on and what the error report names.
/// </param>
/// <param name="OutputPath">The file to write (full path).</param>
/// <param name="OutputFormat">The encoding of the output; null keeps the input's format (detected from its bytes).</param>
public sealed record ImageJob(string InputPath, string Key, string OutputPath, ImageFormat? OutputFormat);
