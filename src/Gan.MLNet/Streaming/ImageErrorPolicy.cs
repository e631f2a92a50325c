namespace Gan.MLNet.Streaming;

/// <summary>What the stream does when an input fails.</summary>
public enum ImageErrorPolicy
{
    /// <summary>Stop at the first failure: report it and throw <see cref="ImageStreamFailedException"/>.</summary>
    Fail,
    /// <summary>Report the input and go on with the others.</summary>
    Skip,
}
