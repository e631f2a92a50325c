using System.Globalization;

namespace Gan.Torch.NN;

/// <summary>
/// Runs its layers one after the other (PyTorch's <c>nn.Sequential</c>); the layers are the submodules "0", "1", ...,
/// so state-dict keys read <c>0.weight</c>, <c>1.running_mean</c>, ... as in PyTorch.
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> _layers = new();

    /// <summary>A sequence of <paramref name="layers"/>, in order.</summary>
    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers) Append(layer);
    }

    /// <summary>Adds <paramref name="layer"/> at the end (named by its position) and returns this sequence.</summary>
    public Sequential Append(Module<Tensor, Tensor> layer)
    {
        RegisterModule(_layers.Count.ToString(CultureInfo.InvariantCulture), layer);
        _layers.Add(layer);
        return this;
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module<Tensor, Tensor> this[int index] => _layers[index];

    /// <summary>
    /// Feeds <paramref name="input"/> through every layer. Each intermediate result is disposed as soon as the next layer
    /// has consumed it (autograd keeps what it needs), so peak memory stays at about two activations even without a
    /// dispose scope; a layer that wants to keep its output (a feature tap) must keep an <see cref="Tensor.Alias"/>.
    /// The caller owns the result.
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            var next = layer.Call(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next)) x.Dispose();
            x = next;
        }
        return ReferenceEquals(x, input) ? input.Alias() : x;
    }
}
