namespace Gan.Benchmarks.Workloads;

/// <summary>The workloads by name (the names the Python peer uses, plus C#-only variants).</summary>
internal static class WorkloadCatalog
{
    /// <summary>The workloads that torch_peer.py also runs, in its order.</summary>
    public static readonly string[] PeerNames =
        ["add", "add_no_grad", "conv2d_fwd_bwd", "gan_mlp_step", "dcgan32_step", "srresnet_x2_infer", "srresnet_x4_infer"];

    /// <summary>The C#-only workloads.</summary>
    public static readonly string[] CSharpOnlyNames =
        ["add_in_dispose_scope", "srresnet_x2_resolver", "srresnet_x4_resolver", "srresnet_x2_resolver_one_tile", "srresnet_x4_resolver_one_tile"];

    /// <summary>Creates the workload called <paramref name="name"/>.</summary>
    public static Workload Create(string name) => name switch
    {
        "add" => new AddWorkload(),
        "add_no_grad" => new AddNoGradWorkload(),
        "add_in_dispose_scope" => new AddInDisposeScopeWorkload(),
        "conv2d_fwd_bwd" => new ConvWorkload(),
        "gan_mlp_step" => new GanStepWorkload(),
        "dcgan32_step" => new DcganStepWorkload(),
        "srresnet_x2_infer" => new SrInferenceWorkload(2),
        "srresnet_x4_infer" => new SrInferenceWorkload(4),
        "srresnet_x2_resolver" => new SuperResolverWorkload(2, oneTile: false),
        "srresnet_x4_resolver" => new SuperResolverWorkload(4, oneTile: false),
        "srresnet_x2_resolver_one_tile" => new SuperResolverWorkload(2, oneTile: true),
        "srresnet_x4_resolver_one_tile" => new SuperResolverWorkload(4, oneTile: true),
        _ => throw new ArgumentException($"unknown workload {name}; known: {string.Join(", ", PeerNames.Concat(CSharpOnlyNames))}"),
    };
}
