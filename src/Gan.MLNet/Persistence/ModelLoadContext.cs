using System.Text.Json;
using System.Text.Json.Nodes;
using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// What a <see cref="ModelComponentLoader"/> reads: the component's options, its entries (already checked against
/// their SHA-256), and its parts. Every accessor throws a <see cref="ModelFormatException"/> naming the component when
/// something is missing or malformed.
/// </summary>
public sealed class ModelLoadContext
{
    private readonly ModelArchiveReader _archive;
    private readonly ModelArchiveReader.Component _component;

    internal ModelLoadContext(MLContext context, ModelArchiveReader archive, ModelArchiveReader.Component component)
    {
        Context = context;
        _archive = archive;
        _component = component;
    }

    /// <summary>The context the model is loaded into.</summary>
    public MLContext Context { get; }

    /// <summary>The component's registry kind.</summary>
    public string Kind => _component.Kind;

    /// <summary>The component's options as written.</summary>
    public JsonObject Options => _component.Options;

    /// <summary>The scope the component has in its chain, or null at the root.</summary>
    public TransformerScope? Scope => _component.Scope;

    /// <summary>Option <paramref name="name"/>, deserialized.</summary>
    /// <param name="name">The option name.</param>
    /// <exception cref="ModelFormatException">The option is missing or has another shape.</exception>
    public T GetOption<T>(string name)
    {
        if (Options[name] is not { } node)
            throw Malformed($"option '{name}' is missing");
        try
        {
            return node.Deserialize<T>() ?? throw Malformed($"option '{name}' is null");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Malformed($"option '{name}' is not a {typeof(T).Name}", e);
        }
    }

    /// <summary>The content of the component's entry <paramref name="name"/>, verified against its SHA-256.</summary>
    /// <param name="name">The entry name given to <see cref="ModelSaveContext.AddEntry"/>.</param>
    /// <exception cref="ModelFormatException">The component has no such entry.</exception>
    public byte[] ReadEntry(string name)
    {
        string fullName = $"components/{_component.Id}/{name}";
        if (!_component.Entries.Contains(fullName))
            throw Malformed($"entry '{fullName}' is not listed");
        return _archive.ReadEntry(fullName);
    }

    /// <summary>Loads the component's parts, in order, with their scopes.</summary>
    public IReadOnlyList<(ITransformer Transformer, TransformerScope Scope)> LoadParts() =>
        _component.Parts.Select(id =>
        {
            var part = _archive.GetComponent(id);
            return (_archive.LoadComponent(Context, part), part.Scope ?? throw new ModelFormatException($"Component {id} ({part.Kind}) is a part of component {_component.Id} but has no scope."));
        }).ToArray();

    /// <summary>A <see cref="ModelFormatException"/> naming this component.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ModelFormatException Malformed(string problem, Exception? innerException = null) =>
        new($"Component {_component.Id} ({_component.Kind}): {problem}.", innerException);
}
