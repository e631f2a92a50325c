using Microsoft.ML;

namespace Gan.MLNet.Persistence;

/// <summary>
/// The SaveWithNetworks call in progress on this async flow. ML.NET gives third parties no public way to write their
/// own state into its model format, so while stock <c>Model.Save</c> runs inside SaveWithNetworks each of our
/// transformers saves a placeholder and records itself here, in the order ML.NET visits them; outside a session our
/// transformers refuse to save rather than leave a model without its networks.
/// </summary>
internal sealed class NetworkSaveSession : IDisposable
{
    private static readonly AsyncLocal<NetworkSaveSession?> Active = new();

    private NetworkSaveSession() => Active.Value = this;

    /// <summary>Our transformers in the order stock Save reached them (depth first through chains).</summary>
    public List<INetworkTransformer> Saved { get; } = [];

    public static NetworkSaveSession Begin() => new();

    /// <summary>Our transformer's <c>ICanSaveModel.Save</c>: a placeholder inside a session, an error outside one.</summary>
    /// <exception cref="NotSupportedException">No SaveWithNetworks call is in progress (stock <c>Model.Save</c>).</exception>
    public static void SavePlaceholder(INetworkTransformer transformer, ModelSaveContext context)
    {
        var session = Active.Value ?? throw new NotSupportedException(
            $"{transformer.Kind} holds a trained network, which mlContext.Model.Save cannot store. " +
            "Save the model with mlContext.Model.SaveWithNetworks and load it with mlContext.Model.LoadWithNetworks.");
        session.Saved.Add(transformer);
        ((ICanSaveModel)NetworkPlaceholders.Create(transformer.Kind)).Save(context);
    }

    public void Dispose() => Active.Value = null;
}
