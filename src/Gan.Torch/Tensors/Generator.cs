using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// A random-number generator of its own (torch.Generator): sampling with it is reproducible from its seed and
/// independent of every other use of randomness. Its state can be saved and restored (checkpoints).
/// </summary>
public sealed class Generator : IDisposable
{
    internal readonly GeneratorHandle Handle;

    /// <summary>A CPU generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed)
    {
        Status.Check(NativeMethods.gan_generator_new(seed, (int)DeviceType.CPU, -1, out var h));
        Handle = h;
    }

    private Generator(GeneratorHandle handle) => Handle = handle;

    /// <summary>libtorch's default CPU generator, the one <see cref="Tensors.ManualSeed"/> seeds.</summary>
    public static Generator Default { get; } = new(GeneratorHandle.Null);

    internal static GeneratorHandle HandleOf(Generator? g) => g?.Handle ?? GeneratorHandle.Null;

    /// <summary>The seed the generator was last seeded with.</summary>
    public ulong InitialSeed
    {
        get
        {
            Status.Check(NativeMethods.gan_generator_initial_seed(Handle, out ulong seed));
            return seed;
        }
    }

    /// <summary>Reseeds the generator.</summary>
    public void ManualSeed(ulong seed) => Status.Check(NativeMethods.gan_generator_seed(Handle, seed));

    /// <summary>The full state as a uint8 tensor (save it to resume the exact random sequence).</summary>
    public Tensor GetState()
    {
        Status.Check(NativeMethods.gan_generator_get_state(Handle, out var s));
        return new Tensor(s);
    }

    /// <summary>Restores a state returned by <see cref="GetState"/>.</summary>
    public void SetState(Tensor state) => Status.Check(NativeMethods.gan_generator_set_state(Handle, state.Handle));

    /// <summary>Frees the generator (the default generator is never freed).</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(Handle, GeneratorHandle.Null)) Handle.Dispose();
    }
}
