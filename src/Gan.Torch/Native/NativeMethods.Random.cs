using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_generator_new(ulong seed, int deviceType, int deviceIndex, out GeneratorHandle result);
    [LibraryImport(Lib)] internal static partial void gan_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int gan_generator_seed(GeneratorHandle g, ulong seed);
    [LibraryImport(Lib)] internal static partial int gan_generator_initial_seed(GeneratorHandle g, out ulong seed);
    [LibraryImport(Lib)] internal static partial int gan_generator_get_state(GeneratorHandle g, out IntPtr state);
    [LibraryImport(Lib)] internal static partial int gan_generator_set_state(GeneratorHandle g, TensorHandle state);
    [LibraryImport(Lib)] internal static partial int gan_randn(long[] shape, int ndim, int dtype, int deviceType, int deviceIndex, GeneratorHandle g, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_rand(long[] shape, int ndim, int dtype, int deviceType, int deviceIndex, GeneratorHandle g, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_randint(long low, long high, long[] shape, int ndim, int dtype, int deviceType, int deviceIndex, GeneratorHandle g, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_randperm(long n, int dtype, int deviceType, int deviceIndex, GeneratorHandle g, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_normal_(TensorHandle t, double mean, double std, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int gan_uniform_(TensorHandle t, double low, double high, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int gan_bernoulli_(TensorHandle t, double p, GeneratorHandle g);
}
