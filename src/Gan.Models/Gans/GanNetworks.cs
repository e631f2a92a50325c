using Gan.Models.Gans.Dcgan;
using Gan.Models.Gans.Lapgan;
using Gan.Models.Gans.Mlp;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>A generator and its discriminator, built together from one <see cref="GanOptions"/>. Owns both.</summary>
public sealed class GanNetworks : IDisposable
{
    private GanNetworks(GanOptions options, GanGenerator generator, GanDiscriminator discriminator)
    {
        Options = options;
        Generator = generator;
        Discriminator = discriminator;
    }

    /// <summary>The options both networks were built from (a validated copy).</summary>
    public GanOptions Options { get; }

    /// <summary>G.</summary>
    public GanGenerator Generator { get; }

    /// <summary>D.</summary>
    public GanDiscriminator Discriminator { get; }

    /// <summary>
    /// Builds G and D for <paramref name="options"/>; every initial weight is drawn from a generator seeded with
    /// <paramref name="seed"/> (G's first, then D's), so the same seed gives the same networks on any thread.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public static GanNetworks Create(GanOptions options, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TorchRuntime.EnsureLoaded();
        using var init = new Generator(seed);
        var generator = CreateGenerator(options, init);
        try
        {
            return new GanNetworks(options.Clone(), generator, CreateDiscriminator(options, init));
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    /// <summary>Builds only G for <paramref name="options"/> (e.g. to load trained weights into), its weights drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static GanGenerator CreateGenerator(GanOptions options, Generator init)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TorchRuntime.EnsureLoaded();
        return options.Kind switch
        {
            GanKind.Vanilla or GanKind.Conditional => new MlpGenerator(options, init),
            GanKind.Dcgan or GanKind.ConditionalDcgan => new DcganGenerator(options, init),
            GanKind.Lapgan or GanKind.ConditionalLapgan => new LapganGenerator(options, init),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, $"unknown GAN kind {options.Kind}"),
        };
    }

    /// <summary>Builds only D for <paramref name="options"/>, its weights drawn from <paramref name="init"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static GanDiscriminator CreateDiscriminator(GanOptions options, Generator init)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TorchRuntime.EnsureLoaded();
        return options.Kind switch
        {
            GanKind.Vanilla or GanKind.Conditional => new MlpDiscriminator(options, init),
            GanKind.Dcgan or GanKind.ConditionalDcgan => new DcganDiscriminator(options, init),
            GanKind.Lapgan or GanKind.ConditionalLapgan => new LapganDiscriminator(options, init),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, $"unknown GAN kind {options.Kind}"),
        };
    }

    /// <summary>Disposes both networks.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
