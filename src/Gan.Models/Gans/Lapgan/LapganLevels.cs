using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Gans.Lapgan;

/// <summary>How the generator and the discriminator pyramids lay out and build their refinement levels.</summary>
internal static class LapganLevels
{
    /// <summary>The image sides of the pyramid <paramref name="options"/> describes, coarse first.</summary>
    /// <exception cref="ArgumentException">The options are not a LAPGAN kind.</exception>
    public static IReadOnlyList<int> Sides(GanOptions options) =>
        options.IsPyramid
            ? options.Lapgan.Sides(options.SampleShape[1])
            : throw new ArgumentException($"{options.Kind} is not a LAPGAN kind", nameof(options));

    /// <summary>
    /// One module per refinement level (every side but the coarse one), each given PyTorch's default initialisation
    /// from <paramref name="init"/> in turn and registered as <c>level{side}</c>.
    /// </summary>
    public static List<T> Build<T>(IReadOnlyList<int> sides, Generator init, Func<int, T> create, Action<string, nn.Module> register)
        where T : nn.Module
    {
        var levels = new List<T>();
        foreach (int side in sides.Skip(1))
        {
            var level = create(side);
            SeededInit.ResetParameters(level, init);
            register($"level{side}", level);
            levels.Add(level);
        }
        return levels;
    }
}
