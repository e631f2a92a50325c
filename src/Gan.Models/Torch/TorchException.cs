using System.Runtime.InteropServices;

namespace Gan.Models.Torch;

/// <summary>
/// libtorch refused an operation: its own message (first line, without the C++ backtrace) and what was being done.
/// </summary>
/// <remarks>
/// TorchSharp reports libtorch's errors as <see cref="ExternalException"/> whose message is libtorch's whole
/// <c>what()</c>, backtrace included; <see cref="From"/> keeps the part a user can act on and the original as the
/// inner exception.
/// </remarks>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>libtorch's message without its backtrace, as TorchSharp passed it on.</summary>
    public string NativeMessage => InnerException is ExternalException e ? FirstLine(e.Message) : Message;

    /// <summary>
    /// Wraps <paramref name="error"/> with <paramref name="context"/> (what was being done, naming the file, row or
    /// option) and libtorch's first message line.
    /// </summary>
    public static TorchException From(ExternalException error, string context)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new TorchException($"{context}: {FirstLine(error.Message)}", error);
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
