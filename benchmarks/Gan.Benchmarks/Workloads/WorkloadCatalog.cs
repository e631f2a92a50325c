namespace Gan.Benchmarks.Workloads;

/// <summary>The workloads by name (the names the Python peer uses, plus C#-only variants).</summary>
internal static class WorkloadCatalog
{
    /// <summary>The workloads that torch_peer.py also runs, in its order.</summary>
    public static readonly string[] PeerNames = ["add", "add_no_grad", "conv2d_fwd_bwd", "gan_mlp_step", "dcgan32_step"];

    /// <summary>Creates the workload called <paramref name="name"/>.</summary>
    public static Workload Create(string name) => name switch
    {
        "add" => new AddWorkload(),
        "add_no_grad" => new AddNoGradWorkload(),
        "add_in_dispose_scope" => new AddInDisposeScopeWorkload(),
        "conv2d_fwd_bwd" => new ConvWorkload(),
        "gan_mlp_step" => new GanStepWorkload(),
        "dcgan32_step" => new DcganStepWorkload(),
        _ => throw new ArgumentException($"unknown workload {name}; known: {string.Join(", ", PeerNames)}, add_in_dispose_scope"),
    };
}
