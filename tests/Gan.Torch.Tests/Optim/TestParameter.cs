using Gan.Torch.NN;

namespace Gan.Torch.Tests.Optim;

internal static class TestParameter
{
    /// <summary>A parameter holding <paramref name="data"/>'s values; disposes <paramref name="data"/>.</summary>
    public static Parameter From(Tensor data)
    {
        using (data) return new Parameter(data);
    }
}
