using Gan.Imaging;
using Gan.Imaging.Composition;
using Gan.Models.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// A PNG that shows how a LAPGAN builds its samples: one row per sample, with the columns coarse image, u(coarse),
/// level image, u(level image), …, final image — each level's output beside the upsampled input the next level
/// refines. Every cell is enlarged to the final side by pixel repetition so that the coarse levels stay visible.
/// </summary>
public static class LapganLevelGrid
{
    /// <summary>The number of columns for a pyramid with <paramref name="levels"/> refinement levels: 2·levels + 1.</summary>
    public static int Columns(int levels) => 2 * levels + 1;

    /// <summary>
    /// Generates one row per noise vector in evaluation mode (without gradients; the training mode is restored) and
    /// writes the grid to <paramref name="path"/>.
    /// </summary>
    /// <param name="generator">The trained pyramid.</param>
    /// <param name="noise">[rows, NoiseSize].</param>
    /// <param name="labels">int64 [rows] for the conditional kind; null otherwise.</param>
    /// <param name="path">The PNG to write (atomically).</param>
    /// <param name="rowLabels">Null, or one text per row (e.g. the class names).</param>
    public static void Write(LapganGenerator generator, Tensor noise, Tensor? labels, string path, IReadOnlyList<string>? rowLabels = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = NewDisposeScope();
        bool wasTraining = generator.training;
        generator.eval();
        IReadOnlyList<Tensor> levels;
        try
        {
            using var noGrad = no_grad();
            levels = generator.GenerateLevels(noise, labels);
        }
        finally
        {
            generator.train(wasTraining);
        }
        int side = generator.Sides[^1];
        var columns = new List<Tensor>();
        for (int k = 0; k < levels.Count; k++)
        {
            columns.Add(Enlarge(levels[k], side));
            if (k < levels.Count - 1) columns.Add(Enlarge(LaplacianPyramid.Upsample(levels[k]), side));
        }
        // Interleave the columns so that each row is one sample: [N, columns, C, S, S] → [N·columns, C, S, S].
        var cells = stack(columns, 1).flatten(0, 1);
        SampleGrid.Compose(GanSampleGrid.ToImages(cells), columns.Count, padding: 2, rowLabels: rowLabels).Save(path, ImageFormat.Png);
    }

    private static Tensor Enlarge(Tensor images, int side) =>
        images.size(2) == side ? images : interpolate(images, size: [side, side]);
}
