using Gan.Models.Gans.Mlp;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The LAPGAN generator pyramid (Denton et al. 2015): the coarse level is an MLP GAN generator (<see cref="MlpGenerator"/>,
/// conditional for <see cref="GanKind.ConditionalLapgan"/>) making the S / 2^L image from the first
/// <see cref="GanOptions.LatentSize"/> noise values; each finer level k upsamples the image so far, l_k = u(I_{k+1}),
/// and adds the residual its own generator makes from l_k, a noise plane (the next s_k² noise values) and the label:
/// I_k = l_k + G_k(z_k, l_k, y). <see cref="GanGenerator.Sample"/> therefore runs coarse to fine; each level's output
/// is clamped to [−1, 1], the range of real images at every level.
/// </summary>
/// <remarks>
/// In training (<see cref="TrainingFakes"/>) every level refines the real batch's coarser image instead, so the levels
/// are trained independently on real pyramids as in the paper. State keys: <c>coarse.…</c> (the MLP generator's) and
/// <c>level16.main.0.weight</c>, … per refinement level, named by its side.
/// </remarks>
public sealed class LapganGenerator : GanGenerator
{
    [ComponentName(Name = "coarse")] private readonly MlpGenerator _coarse;
    private readonly List<LapganLevelGenerator> _levels;
    private readonly IReadOnlyList<int> _sides;
    private readonly int _channels;

    /// <summary>Builds the pyramid for <paramref name="options"/> (a LAPGAN kind), its weights drawn from <paramref name="init"/> (coarse level first).</summary>
    /// <exception cref="ArgumentException">The options are invalid or not a LAPGAN kind.</exception>
    public LapganGenerator(GanOptions options, Generator init) : base(nameof(LapganGenerator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        _sides = LapganLevels.Sides(Options);
        _channels = Options.SampleShape[0];
        _coarse = new MlpGenerator(CoarseOptions(Options), init);
        RegisterComponents();
        _levels = LapganLevels.Build(_sides, init, side => new LapganLevelGenerator(_channels, side, Options.Lapgan.GeneratorWidth, Options.ClassCount), register_module);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>The image sides from the coarse level to the output (e.g. 8, 16, 32).</summary>
    public IReadOnlyList<int> Sides => _sides;

    /// <summary>(z [N, <see cref="GanOptions.NoiseSize"/>], labels int64 [N] or null) → images [N, C, S, S] in [−1, 1].</summary>
    public override Tensor forward(Tensor noise, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        return GenerateLevels(noise, labels)[^1].MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Runs the pyramid coarse to fine and returns every level's image I_L, …, I_0 (sides <see cref="Sides"/>), so
    /// that a grid can show how each level refines the one below.
    /// </summary>
    /// <exception cref="ArgumentException">The noise or labels do not fit the options.</exception>
    public IReadOnlyList<Tensor> GenerateLevels(Tensor noise, Tensor? labels)
    {
        CheckInputs(noise, labels);
        var images = new List<Tensor> { _coarse.call(CoarseNoise(noise), labels) };
        for (int k = 0; k < _levels.Count; k++)
        {
            images.Add(Refine(k, LaplacianPyramid.Upsample(images[k]), noise, labels).clamp(-1, 1));
        }
        return images;
    }

    /// <summary>
    /// The real pyramid d^L(I), …, d(I), I, packed for <see cref="LapganDiscriminator"/>.
    /// </summary>
    internal override Tensor TrainingReal(Tensor real)
    {
        using var scope = NewDisposeScope();
        return LapganPacking.Pack(LaplacianPyramid.Gaussian(real, _levels.Count)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The fake pyramid, packed: the coarse generator's image, and at each finer level l_k + G_k(z_k, l_k, y) where
    /// l_k = u(real I_{k+1}), the paper's training input; no level sees another level's output.
    /// </summary>
    internal override Tensor TrainingFakes(Tensor noise, Tensor? labels, Tensor trainingReal)
    {
        CheckInputs(noise, labels);
        using var scope = NewDisposeScope();
        var real = LapganPacking.Unpack(trainingReal, _channels, _sides);
        var fakes = new List<Tensor> { _coarse.call(CoarseNoise(noise), labels) };
        for (int k = 0; k < _levels.Count; k++)
        {
            fakes.Add(Refine(k, LaplacianPyramid.Upsample(real[k]), noise, labels));
        }
        return LapganPacking.Pack(fakes).MoveToOuterDisposeScope();
    }

    /// <summary>The options of the coarse MLP GAN: the pyramid's, at the coarse side, with the matching MLP kind.</summary>
    internal static GanOptions CoarseOptions(GanOptions pyramid)
    {
        var coarse = pyramid.Clone();
        coarse.Kind = pyramid.IsConditional ? GanKind.Conditional : GanKind.Vanilla;
        int side = LapganLevels.Sides(pyramid)[0];
        coarse.SampleShape = [pyramid.SampleShape[0], side, side];
        return coarse;
    }

    /// <summary>Level k's image l + G_k(z_k, l, y) for the low-pass image l.</summary>
    private Tensor Refine(int level, Tensor lowPass, Tensor noise, Tensor? labels) =>
        lowPass.add(_levels[level].call(lowPass, LevelNoise(noise, level), labels));

    private Tensor CoarseNoise(Tensor noise) => noise.narrow(1, 0, Options.LatentSize);

    private Tensor LevelNoise(Tensor noise, int level)
    {
        long offset = Options.LatentSize + _sides.Skip(1).Take(level).Sum(side => (long)side * side);
        return noise.narrow(1, offset, (long)_sides[level + 1] * _sides[level + 1]);
    }
}
