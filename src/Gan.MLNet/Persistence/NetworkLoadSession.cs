namespace Gan.MLNet.Persistence;

/// <summary>
/// Whether a LoadWithNetworks call is in progress on this async flow: only then do the placeholders in a model file
/// load (to be replaced by the real transformers); stock <c>Model.Load</c> fails on them with a message naming
/// LoadWithNetworks instead of returning a model without its networks.
/// </summary>
internal sealed class NetworkLoadSession : IDisposable
{
    private static readonly AsyncLocal<bool> Active = new();

    private NetworkLoadSession() => Active.Value = true;

    public static bool IsActive => Active.Value;

    public static NetworkLoadSession Begin() => new();

    public void Dispose() => Active.Value = false;
}
