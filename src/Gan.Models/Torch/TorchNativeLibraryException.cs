namespace Gan.Models.Torch;

/// <summary>
/// libtorch could not be loaded into this process; the message says why (the dynamic loader's own words where
/// available) and what to do.
/// </summary>
public sealed class TorchNativeLibraryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchNativeLibraryException(string message, Exception? inner = null) : base(message, inner) { }
}
