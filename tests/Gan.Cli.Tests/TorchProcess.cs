using Gan.Models.Torch;

namespace Gan.Cli.Tests;

[TestClass]
public static class TorchProcess
{
    // Before any test touches TorchSharp: libtorch must be loaded by the library's own entry point, which prepares the
    // process first (OneDnnIsa), whichever test runs first.
    [AssemblyInitialize]
    public static void LoadLibTorch(TestContext context) => TorchRuntime.EnsureLoaded();
}
