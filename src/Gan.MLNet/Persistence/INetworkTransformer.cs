using System.Text.Json.Nodes;
using Microsoft.ML;

namespace Gan.MLNet.Persistence;

/// <summary>One of our transformers: what SaveWithNetworks stores for it beside ML.NET's own entries.</summary>
internal interface INetworkTransformer : ITransformer
{
    /// <summary>The kind recorded in the manifest; LoadWithNetworks maps it to a loader by a fixed switch, never by type name.</summary>
    string Kind { get; }

    /// <summary>Column names and options, as JSON.</summary>
    JsonObject SaveSettings();

    /// <summary>Binary entries (network weights as safetensors) by file name.</summary>
    IReadOnlyDictionary<string, byte[]> SaveEntries();
}
