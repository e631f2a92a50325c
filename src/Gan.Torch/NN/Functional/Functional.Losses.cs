using Gan.Torch.Native;

namespace Gan.Torch.NN;

// Losses. Elementwise losses require input and target of the same shape: libtorch would broadcast a (N, 1) input
// against a (N) target into an (N, N) loss without complaint.
public static partial class Functional
{
    /// <summary>
    /// Binary cross-entropy on logits, −[y log σ(x) + (1 − y) log(1 − σ(x))], computed stably: the GAN loss of
    /// discriminators without a final sigmoid.
    /// </summary>
    /// <param name="input">Logits, any shape.</param>
    /// <param name="target">Probabilities in [0, 1], same shape.</param>
    /// <param name="weight">Rescales each element's loss (broadcast to the input), or null.</param>
    /// <param name="posWeight">Weight of positive examples per class (broadcast along the last dimension), or null.</param>
    /// <param name="reduction">None, mean or sum.</param>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null,
        Tensor? posWeight = null, Reduction reduction = Reduction.Mean)
    {
        RequireSameShape(input, target, nameof(BinaryCrossEntropyWithLogits));
        return Tensor.Wrap(NativeMethods.gan_bce_with_logits(input.Handle, target.Handle, Tensor.HandleOrNull(weight),
            Tensor.HandleOrNull(posWeight), CheckReduction(reduction), out var r), r);
    }

    /// <summary>Binary cross-entropy −[y log x + (1 − y) log(1 − x)] on probabilities (log clamped at −100, as in PyTorch).</summary>
    /// <param name="input">Probabilities in [0, 1], any shape.</param>
    /// <param name="target">Probabilities in [0, 1], same shape.</param>
    /// <param name="weight">Rescales each element's loss (broadcast to the input), or null.</param>
    /// <param name="reduction">None, mean or sum.</param>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight = null,
        Reduction reduction = Reduction.Mean)
    {
        RequireSameShape(input, target, nameof(BinaryCrossEntropy));
        return Tensor.Wrap(NativeMethods.gan_bce(input.Handle, target.Handle, Tensor.HandleOrNull(weight),
            CheckReduction(reduction), out var r), r);
    }

    /// <summary>Squared error (x − y)², e.g. the pixel loss of SRResNet.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        RequireSameShape(input, target, nameof(MseLoss));
        return Tensor.Wrap(NativeMethods.gan_mse_loss(input.Handle, target.Handle, CheckReduction(reduction), out var r), r);
    }

    /// <summary>Absolute error |x − y|.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        RequireSameShape(input, target, nameof(L1Loss));
        return Tensor.Wrap(NativeMethods.gan_l1_loss(input.Handle, target.Handle, CheckReduction(reduction), out var r), r);
    }

    /// <summary>
    /// Cross-entropy of logits against class indices (Int64, shape (N) or (N, d1, ...)) or class probabilities (same
    /// shape as the input): log_softmax over dimension 1 followed by the negative log-likelihood.
    /// </summary>
    /// <param name="input">Logits (N, C, ...) or (C).</param>
    /// <param name="target">Int64 class indices, or float probabilities shaped like the input.</param>
    /// <param name="weight">A weight per class (C), or null.</param>
    /// <param name="reduction">None, mean (weighted by the targets' class weights) or sum.</param>
    /// <param name="ignoreIndex">Target index that contributes nothing (index targets only).</param>
    /// <param name="labelSmoothing">Mixes the target with the uniform distribution, in [0, 1].</param>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null,
        Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, $"labelSmoothing must be in [0, 1], got {labelSmoothing}");
        if (target.DType.IsFloatingPoint()) RequireSameShape(input, target, nameof(CrossEntropy));
        else RequireClassIndices(input, target, nameof(CrossEntropy));
        return Tensor.Wrap(NativeMethods.gan_cross_entropy(input.Handle, target.Handle, Tensor.HandleOrNull(weight),
            CheckReduction(reduction), ignoreIndex, labelSmoothing, out var r), r);
    }

    /// <summary>Negative log-likelihood −input[n, target[n]] of log-probabilities (e.g. from <see cref="LogSoftmax"/>).</summary>
    /// <param name="input">Log-probabilities (N, C, ...) or (C).</param>
    /// <param name="target">Int64 class indices (N, ...) or a scalar.</param>
    /// <param name="weight">A weight per class (C), or null.</param>
    /// <param name="reduction">None, mean (weighted by the targets' class weights) or sum.</param>
    /// <param name="ignoreIndex">Target index that contributes nothing.</param>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
        long ignoreIndex = -100)
    {
        RequireClassIndices(input, target, nameof(NllLoss));
        return Tensor.Wrap(NativeMethods.gan_nll_loss(input.Handle, target.Handle, Tensor.HandleOrNull(weight),
            CheckReduction(reduction), ignoreIndex, out var r), r);
    }

    private static int CheckReduction(Reduction reduction) =>
        Enum.IsDefined(reduction)
            ? (int)reduction
            : throw new ArgumentOutOfRangeException(nameof(reduction), reduction, $"unknown reduction {reduction}");

    // Index targets drop the class dimension (1, or 0 for an unbatched input).
    private static void RequireClassIndices(Tensor input, Tensor target, string operation)
    {
        if (target.DType != DType.Int64)
            throw new ArgumentException($"{operation}: class-index targets must be Int64, got {target.DType}", nameof(target));
        var expected = input.Shape.ToList();
        if (expected.Count > 0) expected.RemoveAt(expected.Count == 1 ? 0 : 1);
        if (!expected.SequenceEqual(target.Shape))
            throw new ArgumentException(
                $"{operation}: input {input.ShapeText} needs class-index targets of shape [{string.Join(", ", expected)}], got {target.ShapeText}",
                nameof(target));
    }
}
