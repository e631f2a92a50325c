using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests;

/// <summary>
/// The reference inputs and outputs in Fixtures/References, recorded with the libtorch 1.13 engine (the README there
/// says how), and the comparisons made against them: an engine that computes the same networks must agree within
/// <see cref="Tolerance"/>.
/// </summary>
internal static class ReferenceFixtures
{
    /// <summary>The largest |recomputed − reference| allowed for any element.</summary>
    public const float Tolerance = 1e-4f;

    /// <summary>Reads a file of Fixtures/References (dispose it).</summary>
    public static SafeTensorsFile Load(string fileName) => SafeTensors.Load(PathOf(fileName));

    /// <summary>The full path of a file of Fixtures/References, copied beside the test binaries.</summary>
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "References", fileName);

    /// <summary>The largest |actual − expected| over all elements (infinite where either is NaN); the shapes must be equal.</summary>
    public static float MaxDifference(Tensor actual, Tensor expected)
    {
        CollectionAssert.AreEqual(expected.shape, actual.shape, "shape");
        return actual.CopyToArray<float>().Zip(expected.CopyToArray<float>(), (a, e) => Math.Abs(a - e))
            .Select(d => float.IsNaN(d) ? float.PositiveInfinity : d)
            .DefaultIfEmpty(0f).Max();
    }

    /// <summary>Fails unless every element of <paramref name="actual"/> is within <see cref="Tolerance"/> of <paramref name="reference"/>.</summary>
    public static void AssertMatches(Tensor actual, Tensor reference, string what)
    {
        float difference = MaxDifference(actual, reference);
        Assert.IsLessThanOrEqualTo(Tolerance, difference, $"{what}: max |difference| from the reference is {difference:G3}");
    }

    /// <summary>Fails unless the file holds exactly the tensors named <paramref name="expected"/> (in any order), naming the missing and unexpected ones.</summary>
    public static void AssertKeys(IReadOnlyCollection<string> expected, SafeTensorsFile file)
    {
        var actual = file.Tensors.Keys.ToHashSet();
        var missing = expected.Where(k => !actual.Contains(k)).ToList();
        var unexpected = actual.Where(k => !expected.Contains(k)).ToList();
        Assert.IsTrue(missing.Count == 0 && unexpected.Count == 0,
            $"state-dict keys differ; missing: [{string.Join(", ", missing)}], unexpected: [{string.Join(", ", unexpected)}]");
        Assert.HasCount(expected.Count, actual, "duplicate expected keys");
    }
}
