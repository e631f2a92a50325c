using Gan.Models.Gans.Mlp;
using Gan.Torch;

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
    private readonly MlpDiscriminator _coarse;
    private readonly List<LapganLevelDiscriminator> _levels;
    private readonly IReadOnlyList<int> _sides;
    private readonly int _channels;

    /// <summary>Builds the discriminators for <paramref name="options"/> (a LAPGAN kind), weights drawn from <paramref name="init"/> (coarse level first).</summary>
    /// <exception cref="ArgumentException">The options are invalid or not a LAPGAN kind.</exception>
    public LapganDiscriminator(GanOptions options, Generator init) : base(options)
    {
        ArgumentNullException.ThrowIfNull(init);
        _sides = LapganLevels.Sides(Options);
        _channels = Options.SampleShape[0];
        _coarse = new MlpDiscriminator(LapganGenerator.CoarseOptions(Options), init);
        RegisterComponents();
        _levels = LapganLevels.Build(_sides, init, side => new LapganLevelDiscriminator(_channels, side, Options.Lapgan.DiscriminatorWidth, Options.ClassCount), RegisterModule);
    }

    /// <summary>The values per sample of the packed pyramid this discriminator takes.</summary>
    public long PackedSize => LapganPacking.PackedSize(_channels, _sides);

    /// <summary>(packed pyramids [N, <see cref="PackedSize"/>], labels int64 [N] or null) → logits [(L + 1)·N], coarse level first.</summary>
    /// <exception cref="ArgumentException">The input is not a packed pyramid of this shape, or the labels do not fit.</exception>
    public override Tensor Forward(Tensor input1, Tensor? input2)
    {
        ArgumentNullException.ThrowIfNull(input1);
        if (input1.Dim != 2 || input1.Size(1) != PackedSize)
            throw new ArgumentException(
                $"{Options.Kind} discriminator: input must be packed pyramids [N, {PackedSize}] (the generator's training views), not [{string.Join(", ", input1.Shape)}]",
                nameof(input1));
        GanLabels.Check(Options, input2, input1.Size(0), nameof(input2));
        using var scope = Tensors.NewDisposeScope();
        var levels = LapganPacking.Unpack(input1, _channels, _sides);
        var logits = new List<Tensor> { _coarse.Call(levels[0], input2) };
        for (int k = 0; k < _levels.Count; k++) logits.Add(_levels[k].Logits(levels[k + 1], input2));
        return scope.MoveToOuter(Tensors.Cat([.. logits], 0));
    }
}
