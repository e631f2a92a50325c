using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// An Adam optimizer's state as named tensors and string metadata, to keep in a checkpoint beside the networks, and a
/// restore that checks everything before it changes anything.
/// </summary>
/// <remarks>
/// TorchSharp writes optimizer state only in a binary format of its own, without metadata or checks of what it loads
/// into. Tensors: <c>{i}.exp_avg</c> and <c>{i}.exp_avg_sq</c> (with AMSGrad also <c>{i}.max_exp_avg_sq</c>) for the
/// optimizer's parameter i. Metadata: <c>kind</c>, <c>lr</c>, <c>beta1</c>, <c>beta2</c>, <c>eps</c>,
/// <c>weight_decay</c>, <c>amsgrad</c>, <c>maximize</c>, <c>parameter_count</c>, <c>parameter_shapes</c> and
/// <c>steps</c>, one step count per parameter (Adam skips a parameter that got no gradient, as PyTorch's does).
/// Optimizers of one parameter group only.
/// </remarks>
public static class AdamState
{
    private const string Kind = "Adam";

    /// <summary>
    /// The state of <paramref name="optimizer"/>. The tensors are the optimizer's own, not copies: write them before
    /// its next step and never dispose them.
    /// </summary>
    /// <exception cref="ArgumentException">The optimizer has more than one parameter group.</exception>
    public static (IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Extract(Adam optimizer)
    {
        var (options, states, parameters) = Inspect(optimizer);
        var tensors = new Dictionary<string, Tensor>();
        for (int i = 0; i < states.Count; i++)
        {
            tensors[Key(i, ExpAvg)] = states[i].exp_avg;
            tensors[Key(i, ExpAvgSq)] = states[i].exp_avg_sq;
            if (states[i].max_exp_avg_sq is { } max) tensors[Key(i, MaxExpAvgSq)] = max;
        }
        var metadata = new Dictionary<string, string>
        {
            ["kind"] = Kind,
            ["lr"] = Text(options.LearningRate!.Value),
            ["beta1"] = Text(options.beta1!.Value),
            ["beta2"] = Text(options.beta2!.Value),
            ["eps"] = Text(options.eps!.Value),
            ["weight_decay"] = Text(options.weight_decay!.Value),
            ["amsgrad"] = Text(options.amsgrad!.Value),
            ["maximize"] = Text(options.maximize!.Value),
            ["parameter_count"] = states.Count.ToString(CultureInfo.InvariantCulture),
            ["parameter_shapes"] = ShapesText(parameters),
            ["steps"] = string.Join(",", states.Select(s => s.step.ToString(CultureInfo.InvariantCulture))),
        };
        return (tensors, metadata);
    }

    /// <summary>
    /// Puts a state from <see cref="Extract"/> (possibly read back from a file) into <paramref name="optimizer"/>:
    /// moments, step counts, learning rate and hyperparameters, so that training continues exactly where it stopped.
    /// Nothing changes when it throws.
    /// </summary>
    /// <exception cref="FormatException">The state is not an Adam state, is for other parameters (count or shapes), has
    /// missing, unknown or malformed entries, or was made with AMSGrad or maximize set differently.</exception>
    public static void Restore(Adam optimizer, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(metadata);
        var (options, states, parameters) = Inspect(optimizer);
        string kind = Required(metadata, "kind");
        if (kind != Kind) throw new FormatException($"the optimizer state is a {kind} state, not {Kind}");
        string count = Required(metadata, "parameter_count");
        if (count != states.Count.ToString(CultureInfo.InvariantCulture))
            throw new FormatException($"the Adam state is for {count} parameters but this optimizer has {states.Count}");
        string shapes = ShapesText(parameters), savedShapes = Required(metadata, "parameter_shapes");
        if (savedShapes != shapes)
            throw new FormatException($"the Adam state is for parameters shaped {savedShapes} but this optimizer's are {shapes}");
        bool amsgrad = ParseBool(metadata, "amsgrad"), maximize = ParseBool(metadata, "maximize");
        if (amsgrad != options.amsgrad || maximize != options.maximize)
            throw new FormatException($"the Adam state was made with amsgrad {Text(amsgrad)} and maximize {Text(maximize)}, " +
                $"this optimizer has {Text(options.amsgrad!.Value)} and {Text(options.maximize!.Value)}");
        double lr = ParseDouble(metadata, "lr"), beta1 = ParseDouble(metadata, "beta1"), beta2 = ParseDouble(metadata, "beta2");
        double eps = ParseDouble(metadata, "eps"), weightDecay = ParseDouble(metadata, "weight_decay");
        if (!(lr >= 0 && double.IsFinite(lr) && beta1 is >= 0 and < 1 && beta2 is >= 0 and < 1 && eps >= 0 && weightDecay >= 0))
            throw new FormatException($"the Adam state holds invalid hyperparameters (lr {Text(lr)}, betas {Text(beta1)} and {Text(beta2)}, " +
                $"eps {Text(eps)}, weight decay {Text(weightDecay)})");
        long[] steps = ParseSteps(metadata, states.Count);

        string[] buffers = amsgrad ? [ExpAvg, ExpAvgSq, MaxExpAvgSq] : [ExpAvg, ExpAvgSq];
        var expected = Enumerable.Range(0, states.Count).SelectMany(i => buffers.Select(b => Key(i, b))).ToHashSet();
        if (tensors.Keys.FirstOrDefault(k => !expected.Contains(k)) is { } unknown)
            throw new FormatException($"the Adam state holds a tensor '{unknown}' that an optimizer over {states.Count} parameters does not have");
        var sources = new List<(Tensor Target, Tensor Source)>();
        for (int i = 0; i < states.Count; i++)
        {
            foreach (string buffer in buffers)
            {
                string key = Key(i, buffer);
                if (!tensors.TryGetValue(key, out var source)) throw new FormatException($"the Adam state lacks tensor '{key}'");
                var target = Buffer(states[i], buffer);
                if (source.dtype != target.dtype || !source.shape.AsSpan().SequenceEqual(target.shape))
                    throw new FormatException($"Adam state tensor '{key}' is {source.dtype} [{string.Join(", ", source.shape)}] " +
                        $"but parameter {i} is {target.dtype} [{string.Join(", ", target.shape)}]");
                sources.Add((target, source));
            }
        }

        using (no_grad())
        {
            foreach (var (target, source) in sources) target.copy_(source);
        }
        for (int i = 0; i < states.Count; i++) states[i].step = steps[i];
        options.LearningRate = lr;
        options.beta1 = beta1;
        options.beta2 = beta2;
        options.eps = eps;
        options.weight_decay = weightDecay;
    }

    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";
    private const string MaxExpAvgSq = "max_exp_avg_sq";

    private static (Adam.Options Options, IReadOnlyList<Adam.State> States, IReadOnlyList<Tensor> Parameters) Inspect(Adam optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var dictionary = optimizer.state_dict();
        if (dictionary.Options.Count != 1)
            throw new ArgumentException($"AdamState handles optimizers of one parameter group, not {dictionary.Options.Count}", nameof(optimizer));
        return ((Adam.Options)dictionary.Options[0], [.. dictionary.State.Cast<Adam.State>()], [.. optimizer.parameters()]);
    }

    private static Tensor Buffer(Adam.State state, string name) => name switch
    {
        ExpAvg => state.exp_avg,
        ExpAvgSq => state.exp_avg_sq,
        _ => state.max_exp_avg_sq,
    };

    private static string Key(int parameter, string buffer) => string.Create(CultureInfo.InvariantCulture, $"{parameter}.{buffer}");

    private static string ShapesText(IEnumerable<Tensor> parameters) =>
        string.Join(";", parameters.Select(p => "[" + string.Join(",", p.shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]"));

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new FormatException($"the Adam state lacks '{key}'");

    private static double ParseDouble(IReadOnlyDictionary<string, string> metadata, string key) =>
        double.TryParse(Required(metadata, key), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"the Adam state's '{key}' = '{metadata[key]}' is not a number");

    private static bool ParseBool(IReadOnlyDictionary<string, string> metadata, string key) => Required(metadata, key) switch
    {
        "true" => true,
        "false" => false,
        var text => throw new FormatException($"the Adam state's '{key}' = '{text}' is not true or false"),
    };

    private static long[] ParseSteps(IReadOnlyDictionary<string, string> metadata, int count)
    {
        string text = Required(metadata, "steps");
        string[] parts = count == 0 ? [] : text.Split(',');
        var steps = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out steps[i]))
                throw new FormatException($"the Adam state's 'steps' = '{text}' is not a list of step counts");
        if (steps.Length != count)
            throw new FormatException($"the Adam state's 'steps' has {steps.Length} counts for {count} parameters");
        return steps;
    }
}
