namespace Gan.MLNet;

/// <summary>
/// A model file cannot be loaded: it is not a zip (or is truncated), was written by a newer format version, misses an
/// entry, has an entry whose SHA-256 does not match the manifest, or names a component kind this build does not know.
/// The message says which, and names the entry or kind.
/// </summary>
public sealed class ModelFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong, naming the entry or component.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ModelFormatException(string message, Exception? innerException = null) : base(message, innerException) { }
}
