using Gan.Models.Gans;
using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Draws samples from a trained generator, one noise vector per sample index: sample k always comes from noise seeded
/// by (seed, k), so a view, a row-to-row mapper and a loaded model all produce the same sample for the same index and
/// label, whatever the batching. Thread-safe.
/// </summary>
internal sealed class GanSampler : IDisposable
{
    private readonly object _lock;
    private readonly GanGenerator _generator;
    private readonly bool _ownsGenerator;

    /// <summary>A sampler that owns <paramref name="generator"/>.</summary>
    public GanSampler(GanGenerator generator, GanSampleFormat format, ulong seed)
        : this(generator, format, seed, new object(), ownsGenerator: true)
    {
    }

    private GanSampler(GanGenerator generator, GanSampleFormat format, ulong seed, object gate, bool ownsGenerator)
    {
        _generator = generator;
        _generator.eval();
        Format = format;
        Seed = seed;
        _lock = gate;
        _ownsGenerator = ownsGenerator;
    }

    public GanGenerator Generator => _generator;

    public GanSampleFormat Format { get; }

    public ulong Seed { get; }

    /// <summary>A sampler over the same generator with another noise seed; it does not own the generator.</summary>
    public GanSampler WithSeed(ulong seed) => new(_generator, Format, seed, _lock, ownsGenerator: false);

    public bool IsConditional => _generator.Options.IsConditional;

    public int ClassCount => _generator.Options.ClassCount;

    /// <summary>Column values (images or vectors) for sample <paramref name="indices"/> with class <paramref name="classes"/> (ignored when unconditional).</summary>
    public object[] Generate(ReadOnlySpan<long> indices, ReadOnlySpan<int> classes)
    {
        int n = indices.Length;
        if (n == 0) return [];
        var noise = new float[n * _generator.Options.NoiseSize];
        for (int i = 0; i < n; i++)
            NoiseFor(indices[i], noise.AsSpan(i * _generator.Options.NoiseSize, _generator.Options.NoiseSize));
        long[]? labels = IsConditional ? new long[n] : null;
        if (labels is not null)
            for (int i = 0; i < n; i++) labels[i] = classes[i];
        float[] samples;
        lock (_lock)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = TorchRuntime.DefaultDevice;
            var z = TensorData.FromSpan<float>(noise, n, _generator.Options.NoiseSize).to(device);
            var y = labels is null ? null : TensorData.FromSpan<long>(labels, n).to(device);
            samples = _generator.call(z, y).CopyToArray<float>();
        }
        int size = Format.SampleSize;
        var values = new object[n];
        for (int i = 0; i < n; i++)
            values[i] = Format.SampleToValue(samples.AsSpan(i * size, size));
        return values;
    }

    private void NoiseFor(long index, Span<float> destination)
    {
        using var rng = new torch.Generator(Mix(Seed, (ulong)index));
        using var z = randn([destination.Length], generator: rng);
        z.CopyTo(destination);
    }

    // SplitMix64's finaliser: neighbouring indices get unrelated seeds.
    private static ulong Mix(ulong seed, ulong index)
    {
        ulong x = seed + 0x9E3779B97F4A7C15UL * (index + 1);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public void Dispose()
    {
        if (_ownsGenerator) _generator.Dispose();
    }
}
