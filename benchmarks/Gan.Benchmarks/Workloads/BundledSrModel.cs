using Gan.Models.SuperResolution;

namespace Gan.Benchmarks.Workloads;

/// <summary>Finds and loads the bundled SRResNet files (src/Gan.Models/SuperResolution/Bundled) from the repository this binary was built in.</summary>
internal static class BundledSrModel
{
    /// <summary>The path of the bundled model for <paramref name="scale"/>, found above the binary.</summary>
    /// <exception cref="FileNotFoundException">No enclosing repository holds the file.</exception>
    public static string PathFor(int scale)
    {
        string relative = Path.Combine("src", "Gan.Models", "SuperResolution", "Bundled", $"srresnet-x{scale}.safetensors");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"the bundled model {relative} was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The bundled network for <paramref name="scale"/>, in eval mode.</summary>
    public static SrResNet Load(int scale)
    {
        var network = SrResNetSerialization.Load(PathFor(scale));
        network.eval();
        return network;
    }
}
