using System.Text.Json;
using System.Text.Json.Nodes;
using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>
/// What one component writes into a model file (passed to <see cref="ICanSaveModel.Save"/>): its registry
/// <see cref="Kind"/>, its options as JSON, binary entries, and — for composites such as chains — its parts.
/// Nothing reaches the destination until every component has saved, so a component that throws leaves it untouched.
/// </summary>
public sealed class ModelSaveContext
{
    private readonly ModelArchiveBuilder _builder;
    private readonly ModelArchiveBuilder.Component _component;

    internal ModelSaveContext(ModelArchiveBuilder builder, ModelArchiveBuilder.Component component)
    {
        _builder = builder;
        _component = component;
    }

    /// <summary>The registry kind of the component (a fixed string such as "CopyColumns"); must be set.</summary>
    public string? Kind
    {
        get => _component.Kind;
        set => _component.Kind = value;
    }

    /// <summary>The component's options, written into the manifest.</summary>
    public JsonObject Options => _component.Options;

    /// <summary>Sets option <paramref name="name"/> to <paramref name="value"/> serialized as JSON.</summary>
    /// <param name="name">The option name.</param>
    /// <param name="value">The value (strings, numbers, Booleans, arrays of them).</param>
    public void SetOption<T>(string name, T value) => Options[name] = JsonSerializer.SerializeToNode(value);

    /// <summary>Adds a binary entry to the component, stored in the zip with a SHA-256 recorded in the manifest.</summary>
    /// <param name="name">The entry name, unique within the component (letters, digits, '.', '-', '_').</param>
    /// <param name="content">The bytes.</param>
    public void AddEntry(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new ArgumentException($"Entry name '{name}' may hold only ASCII letters, digits, '.', '-' and '_'.", nameof(name));
        _component.Entries.Add(_builder.AddEntry($"components/{_component.Id}/{name}", content));
    }

    /// <summary>Saves <paramref name="part"/> as a part of this component (in order), with its scope in a chain.</summary>
    /// <param name="part">The part.</param>
    /// <param name="scope">When the part applies.</param>
    public void AddPart(ITransformer part, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(part);
        _component.Parts.Add(_builder.AddComponent(part, scope).Id);
    }
}
