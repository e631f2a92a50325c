using Gan.Models.Gans.Mlp;
using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Gan.Models.Gans.Lapgan;

/// <summary>
/// The LAPGAN discriminators, one per level, held together so that the GAN trainer trains every level's pair in one
/// loop: the coarse level's is an MLP GAN discriminator (<see cref="MlpDiscriminator"/>), each finer level's judges
/// l_k + h_k (<see cref="LapganLevelDiscriminator"/>). Its input is a packed pyramid (see
/// <see cref="LapganGenerator"/>: the trainer gets it from the generator's training views), not an image, and its
/// output holds one logit per level per sample, [(L + 1)·N], coarse level first. The mean BCE over it is the mean of
/// the levels' losses; no level's loss depends on another level's weights, so each pair gets exactly the gradient it
/// would get alone (scaled by 1/(L + 1), which Adam's scale invariance cancels).
/// </summary>
/// <remarks>State keys: <c>coarse.…</c> and <c>level16.main.0.weight</c>, … per refinement level.</remarks>
public sealed class LapganDiscriminator : GanDiscriminator
{
    [ComponentName(Name = "coarse")] private readonly MlpDiscriminator _coarse;
    private readonly List<LapganLevelDiscriminator> _levels;
    private readonly IReadOnlyList<int> _sides;
    private readonly int _channels;

    /// <summary>Builds the discriminators for <paramref name="options"/> (a LAPGAN kind), weights drawn from <paramref name="init"/> (coarse level first).</summary>
    /// <exception cref="ArgumentException">The options are invalid or not a LAPGAN kind.</exception>
    public LapganDiscriminator(GanOptions options, Generator init) : base(nameof(LapganDiscriminator), options)
    {
        ArgumentNullException.ThrowIfNull(init);
        _sides = LapganLevels.Sides(Options);
        _channels = Options.SampleShape[0];
        _coarse = new MlpDiscriminator(LapganGenerator.CoarseOptions(Options), init);
        RegisterComponents();
        _levels = LapganLevels.Build(_sides, init, side => new LapganLevelDiscriminator(_channels, side, Options.Lapgan.DiscriminatorWidth, Options.ClassCount), register_module);
        this.to(TorchRuntime.DefaultDevice);
    }

    /// <summary>The values per sample of the packed pyramid this discriminator takes.</summary>
    public long PackedSize => LapganPacking.PackedSize(_channels, _sides);

    /// <summary>(packed pyramids [N, <see cref="PackedSize"/>], labels int64 [N] or null) → logits [(L + 1)·N], coarse level first.</summary>
    /// <exception cref="ArgumentException">The input is not a packed pyramid of this shape, or the labels do not fit.</exception>
    public override Tensor forward(Tensor pyramids, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(pyramids);
        if (pyramids.dim() != 2 || pyramids.size(1) != PackedSize)
            throw new ArgumentException(
                $"{Options.Kind} discriminator: input must be packed pyramids [N, {PackedSize}] (the generator's training views), not [{string.Join(", ", pyramids.shape)}]",
                nameof(pyramids));
        GanLabels.Check(Options, labels, pyramids.size(0), nameof(labels));
        using var scope = NewDisposeScope();
        var levels = LapganPacking.Unpack(pyramids, _channels, _sides);
        var logits = new List<Tensor> { _coarse.call(levels[0], labels) };
        for (int k = 0; k < _levels.Count; k++) logits.Add(_levels[k].call(levels[k + 1], labels));
        return cat(logits, 0).MoveToOuterDisposeScope();
    }
}
