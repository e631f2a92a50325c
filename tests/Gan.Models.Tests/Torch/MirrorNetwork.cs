using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// The network of Fixtures/make_pytorch_fixtures.py, layer for layer and name for name: every kind of layer that
/// <c>SeededInit.ResetParameters</c> initialises, nested, so that PyTorch's files load into it.
/// </summary>
internal sealed class MirrorNetwork : Module<Tensor, Tensor, Tensor>
{
    // Declared in PyTorch's registration order: their order is the state dict's and the initialisation's.
    [ComponentName(Name = "stem")] private readonly Linear _stem = Linear(6, 8);
    [ComponentName(Name = "body")] private readonly Sequential _body = Sequential(
        Conv2d(2, 4, 3, padding: 1), BatchNorm2d(4), LeakyReLU(0.2), ConvTranspose2d(4, 3, 4, stride: 2, padding: 1));
    [ComponentName(Name = "embed")] private readonly Embedding _embed = Embedding(5, 3);
    [ComponentName(Name = "head")] private readonly Linear _head = Linear(3, 2, hasBias: false);

    public MirrorNetwork() : base(nameof(MirrorNetwork)) => RegisterComponents();

    public override Tensor forward(Tensor x, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var h = _body.call(_stem.call(x).view(-1, 2, 2, 2)).mean([2, 3]);
        return _head.call(h + _embed.call(labels)).MoveToOuterDisposeScope();
    }
}
