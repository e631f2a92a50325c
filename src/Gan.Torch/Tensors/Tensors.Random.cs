using Gan.Torch.Native;

namespace Gan.Torch;

// Random factories. Each takes an optional Generator; without one, libtorch's default generator is used.
public static partial class Tensors
{
    /// <summary>Samples of the standard normal distribution N(0, 1).</summary>
    public static Tensor Randn(long[] shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_randn(shape, shape.Length, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator), out var r), r);
    }

    /// <summary>Float32 samples of N(0, 1).</summary>
    public static Tensor Randn(params long[] shape) => Randn(shape, DType.Float32);

    /// <summary>Samples of the uniform distribution on [0, 1).</summary>
    public static Tensor Rand(long[] shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_rand(shape, shape.Length, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator), out var r), r);
    }

    /// <summary>Float32 samples of U[0, 1).</summary>
    public static Tensor Rand(params long[] shape) => Rand(shape, DType.Float32);

    /// <summary>Uniform integers in [low, high).</summary>
    public static Tensor Randint(long low, long high, long[] shape, DType dtype = DType.Int64, Device? device = null,
        Generator? generator = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_randint(low, high, shape, shape.Length, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator), out var r), r);
    }

    /// <summary>A random permutation of 0 … n−1.</summary>
    public static Tensor Randperm(long n, Device? device = null, Generator? generator = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_randperm(n, (int)DType.Int64, (int)d.Type, d.Index, Generator.HandleOf(generator), out var r), r);
    }
}
