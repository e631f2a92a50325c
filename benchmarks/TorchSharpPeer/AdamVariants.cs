using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// The Adam implementations a C# program can reach over TorchSharp 0.107, for <c>--adam</c> (docs/benchmarks.md,
/// "Plain TorchSharp loop"): <c>torchsharp</c> (the default and the plain loop: <c>torch.optim.Adam</c>, a C# loop
/// of about ten native calls per parameter), <c>native</c> (libtorch's C++ <c>torch::optim::Adam</c>, which
/// LibTorchSharp exports but TorchSharp no longer calls) and <c>fused</c> (libtorch's one-pass multi-tensor kernel
/// <c>torch._fused_adam_</c>, which TorchSharp does not expose, called through a TorchScript function). All three
/// compute PyTorch's Adam and skip parameters without a gradient.
/// </summary>
internal static partial class AdamVariants
{
    private const double LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.999, Epsilon = 1e-8;

    /// <summary>The names <c>--adam</c> accepts.</summary>
    public static readonly string[] Names = ["torchsharp", "native", "fused"];

    /// <summary>The variant that <c>--adam</c> chose; the plain loop's unless the option is given.</summary>
    public static string Selected { get; set; } = "torchsharp";

    /// <summary>Adam(lr 2e-4, betas (0.5, 0.999)) over <paramref name="parameters"/> in the <see cref="Selected"/> variant; its step is the returned action.</summary>
    public static (Action Step, IDisposable State) Create(IEnumerable<Parameter> parameters) => Selected switch
    {
        "torchsharp" => Wrap(optim.Adam(parameters, lr: LearningRate, beta1: Beta1, beta2: Beta2)),
        "native" => Wrap(new NativeAdam(parameters.ToArray())),
        "fused" => Wrap(new FusedAdam(parameters.ToArray())),
        var other => throw new ArgumentException($"--adam must be one of {string.Join(", ", Names)}, not '{other}'"),
    };

    private static (Action, IDisposable) Wrap(optim.Optimizer optimizer) => (() => optimizer.step(), optimizer);

    private static (Action, IDisposable) Wrap(NativeAdam optimizer) => (optimizer.Step, optimizer);

    private static (Action, IDisposable) Wrap(FusedAdam optimizer) => (optimizer.Step, optimizer);

    /// <summary>libtorch's C++-frontend Adam through the LibTorchSharp exports that once backed TorchSharp's own.</summary>
    private sealed partial class NativeAdam : IDisposable
    {
        private IntPtr _handle;

        public NativeAdam(Parameter[] parameters)
        {
            _handle = THSNN_Adam_ctor(parameters.Select(p => p.Handle).ToArray(), parameters.Length,
                LearningRate, Beta1, Beta2, Epsilon, weightDecay: 0, amsgrad: false);
            if (_handle == IntPtr.Zero) CheckForErrors();
        }

        public void Step()
        {
            // Without a closure the step returns no loss: nothing to free.
            THSNN_Optimizer_step(_handle, IntPtr.Zero);
            CheckForErrors();
        }

        public void Dispose()
        {
            if (_handle == IntPtr.Zero) return;
            THSNN_Optimizer_dispose(_handle);
            _handle = IntPtr.Zero;
        }

        [LibraryImport("LibTorchSharp")]
        private static partial IntPtr THSNN_Adam_ctor(IntPtr[] parameters, int length, double learningRate, double beta1,
            double beta2, double eps, double weightDecay, [MarshalAs(UnmanagedType.U1)] bool amsgrad);

        [LibraryImport("LibTorchSharp")]
        private static partial IntPtr THSNN_Optimizer_step(IntPtr optimizer, IntPtr lossClosure);

        [LibraryImport("LibTorchSharp")]
        private static partial void THSNN_Optimizer_dispose(IntPtr optimizer);
    }

    /// <summary>libtorch's fused CPU Adam, one call per step for all parameters, through TorchScript.</summary>
    private sealed class FusedAdam : IDisposable
    {
        // As torch.optim.Adam(fused=True) does: count the step, then one pass over each parameter's four tensors.
        private const string Script = """
            def step(params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, eps: float) -> Tensor:
                no_max_exp_avg_sqs: List[Tensor] = []
                torch._foreach_add_(steps, 1.0)
                torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, no_max_exp_avg_sqs, steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=0.0, eps=eps, amsgrad=False, maximize=False)
                return steps[0]

            """;

        private readonly jit.CompilationUnit _unit = jit.compile(Script);
        private readonly Parameter[] _parameters;
        private readonly Tensor[] _expAvgs, _expAvgSqs, _steps;

        public FusedAdam(Parameter[] parameters)
        {
            _parameters = parameters;
            _expAvgs = parameters.Select(p => zeros_like(p)).ToArray();
            _expAvgSqs = parameters.Select(p => zeros_like(p)).ToArray();
            _steps = parameters.Select(_ => zeros(Array.Empty<long>())).ToArray();
        }

        public void Step()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            // The kernel takes equal-length lists, so only the parameters that have a gradient (and their state) go in.
            var live = Enumerable.Range(0, _parameters.Length).Select(i => (Index: i, Grad: _parameters[i].grad)).Where(x => x.Grad is not null).ToArray();
            if (live.Length == 0) return;
            Tensor[] Pick(Tensor[] all) => live.Select(x => all[x.Index]).ToArray();
            _unit.invoke("step", Pick(_parameters), live.Select(x => x.Grad!).ToArray(), Pick(_expAvgs), Pick(_expAvgSqs), Pick(_steps),
                LearningRate, Beta1, Beta2, Epsilon);
        }

        public void Dispose()
        {
            _unit.Dispose();
            foreach (var t in _expAvgs.Concat(_expAvgSqs).Concat(_steps)) t.Dispose();
        }
    }
}
