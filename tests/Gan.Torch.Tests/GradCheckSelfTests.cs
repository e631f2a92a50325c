using Gan.Torch;
using Gan.Torch.Tests.Support;

namespace Gan.Torch.Tests;

[TestClass]
public sealed class GradCheckSelfTests
{
    [TestMethod]
    public void AcceptsACorrectGradient()
    {
        using var x = GradCheck.Input(3, 4);
        GradCheck.Assert(t => t[0].Mul(t[0]).Exp(), [x]);
    }

    [TestMethod]
    public void RejectsAWrongGradient()
    {
        // Detaching part of the computation hides it from autograd, so the analytic gradient is wrong.
        using var x = GradCheck.Input(2, 2);
        Assert.ThrowsExactly<AssertFailedException>(() => GradCheck.Assert(t => t[0].Mul(t[0].Detach()), [x]));
    }
}
