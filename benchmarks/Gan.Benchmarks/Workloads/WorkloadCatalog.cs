namespace Gan.Benchmarks.Workloads;

/// <summary>The workloads by name (the names the Python peer uses, plus C#-only variants).</summary>
internal static class WorkloadCatalog
{
    /// <summary>
    /// The workloads that torch_peer.py also runs, in its order. Its per-op and bare-convolution workloads (add,
    /// add_no_grad, conv2d_fwd_bwd) have no twin here: on TorchSharp they time TorchSharp alone, which the plain
    /// TorchSharp peer (benchmarks/TorchSharpPeer) measures.
    /// </summary>
    public static readonly string[] PeerNames =
        ["gan_mlp_step", "dcgan32_step", "srresnet_x2_infer", "srresnet_x4_infer"];

    /// <summary>The peer's workloads that have no twin here (see <see cref="PeerNames"/>); `peer` skips them when named.</summary>
    public static readonly string[] PeerOnlyNames = ["add", "add_no_grad", "conv2d_fwd_bwd"];

    /// <summary>The C#-only workloads.</summary>
    public static readonly string[] CSharpOnlyNames =
        ["dcgan32_trainer_step", "srresnet_x2_resolver", "srresnet_x4_resolver", "srresnet_x2_resolver_one_tile", "srresnet_x4_resolver_one_tile"];

    /// <summary>Creates the workload called <paramref name="name"/>.</summary>
    public static Workload Create(string name) => name switch
    {
        "gan_mlp_step" => new GanStepWorkload(),
        "dcgan32_step" => new DcganStepWorkload(),
        "dcgan32_trainer_step" => new GanTrainerStepWorkload(),
        "srresnet_x2_infer" => new SrInferenceWorkload(2),
        "srresnet_x4_infer" => new SrInferenceWorkload(4),
        "srresnet_x2_resolver" => new SuperResolverWorkload(2, oneTile: false),
        "srresnet_x4_resolver" => new SuperResolverWorkload(4, oneTile: false),
        "srresnet_x2_resolver_one_tile" => new SuperResolverWorkload(2, oneTile: true),
        "srresnet_x4_resolver_one_tile" => new SuperResolverWorkload(4, oneTile: true),
        _ => throw new ArgumentException($"unknown workload {name}; known: {string.Join(", ", PeerNames.Concat(CSharpOnlyNames))}"),
    };
}
