using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_adam_step(IntPtr[] parameters, IntPtr[] expAvg, IntPtr[] expAvgSq, int n, long step, double lr, double beta1, double beta2, double eps, double weightDecay);
    [LibraryImport(Lib)] internal static partial int gan_sgd_step(IntPtr[] parameters, IntPtr[] momentumBuffers, int n, int firstStep, double lr, double momentum, double dampening, double weightDecay, int nesterov);
}
