using System.Globalization;

namespace Gan.Torch;

/// <summary>Kinds of device; the values are libtorch's DeviceType codes.</summary>
public enum DeviceType
{
    /// <summary>The host processor.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU (needs a libtorch built with CUDA).</summary>
    CUDA = 1,
}

/// <summary>Where a tensor lives: a device type and an index (-1 = the current device of that type).</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    /// <summary>The host processor.</summary>
    public static Device CPU { get; } = new(DeviceType.CPU);

    /// <summary>The CUDA device with the given index.</summary>
    public static Device CUDA(int index = 0) => new(DeviceType.CUDA, index);

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    /// <exception cref="FormatException">The text names no device.</exception>
    public static Device Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "cpu") return CPU;
        if (t == "cuda") return CUDA();
        if (t.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            return CUDA(index);
        throw new FormatException($"'{text}' is not a device; expected cpu, cuda or cuda:N.");
    }

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        DeviceType.CPU => "cpu",
        _ => Index < 0 ? "cuda" : $"cuda:{Index}",
    };
}
