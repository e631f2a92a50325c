using Gan.Models.Torch;

namespace Gan.MLNet.Tests;

[TestClass]
public static class TorchProcess
{
    // Before any test touches TorchSharp: libtorch must be loaded by the library's own entry point, which prepares the
    // process first (OneDnnIsa), whichever test runs first.
    [AssemblyInitialize]
    public static void LoadLibTorch(TestContext context)
    {
        TorchRuntime.EnsureLoaded();
        // ML.NET 6.0 maps an MLImage member without [ImageType(h, w)] (an image of any size) only once this is registered.
        DataViewTypeManager.Register(new ImageDataViewType(), typeof(MLImage));
    }
}
