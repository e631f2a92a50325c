namespace Gan.Torch;

/// <summary>A failure reported by libtorch (shape mismatch, invalid argument, ...); the message is libtorch's own.</summary>
public class TorchException : Exception
{
    /// <summary>Creates the exception with libtorch's message.</summary>
    public TorchException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TorchException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>An index or dimension out of range (libtorch's IndexError).</summary>
public sealed class TorchIndexException(string message) : TorchException(message);

/// <summary>An invalid value (libtorch's ValueError).</summary>
public sealed class TorchValueException(string message) : TorchException(message);

/// <summary>A data type that the operation does not accept, or a .NET element type that does not match the tensor's.</summary>
public sealed class TorchTypeException(string message) : TorchException(message);

/// <summary>An operation libtorch does not implement for these inputs (for example this dtype on this device).</summary>
public sealed class TorchNotImplementedException(string message) : TorchException(message);

/// <summary>libtorch could not allocate memory.</summary>
public sealed class TorchOutOfMemoryException(string message) : TorchException(message);

/// <summary>An argument rejected by Gan.Native before it reached libtorch.</summary>
public sealed class TorchArgumentException(string message) : TorchException(message);

/// <summary>The native library (or libtorch beneath it) could not be loaded; the message says how to fix it.</summary>
public sealed class TorchNativeLibraryException(string message, Exception? inner) : TorchException(message, inner);
