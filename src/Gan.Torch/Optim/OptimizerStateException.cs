namespace Gan.Torch.Optim;

/// <summary>
/// A saved optimizer state that cannot be restored into this optimizer: another optimizer kind, another number or
/// shape of parameters, or missing and malformed entries.
/// </summary>
public sealed class OptimizerStateException : Exception
{
    /// <summary>Creates the exception with a message saying what does not match.</summary>
    public OptimizerStateException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public OptimizerStateException(string message, Exception? inner) : base(message, inner) { }
}
