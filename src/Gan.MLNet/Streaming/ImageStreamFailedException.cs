namespace Gan.MLNet.Streaming;

/// <summary>A stream run under <see cref="ImageErrorPolicy.Fail"/> stopped at a failed input.</summary>
public sealed class ImageStreamFailedException : Exception
{
    /// <summary>Creates the exception for the first failure and what the run did until it stopped.</summary>
    public ImageStreamFailedException(ImageJobFailure failure, ImageStreamResult result)
        : base($"Stopped at '{failure.Job.Key}' ({failure.Stage.ToString().ToLowerInvariant()}): {failure.Message}")
    {
        Failure = failure;
        Result = result;
    }

    /// <summary>The failure that stopped the run.</summary>
    public ImageJobFailure Failure { get; }

    /// <summary>What the run did until it stopped.</summary>
    public ImageStreamResult Result { get; }
}
