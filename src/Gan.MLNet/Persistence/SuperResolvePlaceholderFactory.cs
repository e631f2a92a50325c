using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace Gan.MLNet.Persistence;

/// <summary>Infrastructure: the placeholder factory of SuperResolve; not for use in code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class SuperResolvePlaceholderFactory : NetworkPlaceholderFactory<SuperResolvePlaceholderFactory.Marker>
{
    internal const string Contract = "Gan.MLNet.SuperResolve.v1";

    /// <summary>The placeholder's row type (no columns).</summary>
    public sealed class Marker;
}
