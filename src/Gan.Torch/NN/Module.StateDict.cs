namespace Gan.Torch.NN;

// Saving and restoring a module's state as a flat, ordered dictionary of dotted keys.
public abstract partial class Module
{
    /// <summary>
    /// The module's state in PyTorch's order and naming: for each module depth first, its parameters then its persistent
    /// buffers (e.g. <c>1.weight, 1.bias, 1.running_mean, 1.running_var, 1.num_batches_tracked</c>). The values are the
    /// module's own tensors, not copies: read or save them, do not dispose them.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var state = new OrderedDictionary<string, Tensor>();
        CollectState("", state);
        return state;
    }

    private void CollectState(string prefix, OrderedDictionary<string, Tensor> state)
    {
        foreach (var (name, p) in _parameters) state[prefix + name] = p;
        foreach (var (name, b) in _buffers)
            if (!_nonPersistentBuffers.Contains(name)) state[prefix + name] = b;
        foreach (var (name, child) in _children) child.CollectState(prefix + name + ".", state);
    }

    /// <summary>
    /// Copies the values of <paramref name="source"/> into the module's parameters and buffers in place (without
    /// recording gradients). Every key is checked before anything is copied: a shape or dtype mismatch — and, when
    /// <paramref name="strict"/>, a missing or unexpected key — throws and leaves the module unchanged.
    /// </summary>
    /// <returns>The keys that were missing or unexpected (empty after a strict load).</returns>
    /// <exception cref="StateDictException">The source does not fit; the message names every offending key.</exception>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> source, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        var own = StateDict();
        var missing = own.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatches = new List<StateDictMismatch>();
        foreach (var (key, target) in own)
        {
            if (!source.TryGetValue(key, out var value)) continue;
            long[] expectedShape = target.Shape, actualShape = value.Shape;
            if (target.DType != value.DType || !expectedShape.AsSpan().SequenceEqual(actualShape))
                mismatches.Add(new StateDictMismatch(key, expectedShape, target.DType, actualShape, value.DType));
        }
        if (mismatches.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
            throw new StateDictException(GetType().Name, strict ? missing : [], strict ? unexpected : [], mismatches);

        using (Torch.NoGrad())
        {
            foreach (var (key, target) in own)
                if (source.TryGetValue(key, out var value)) target.CopyInPlace(value);
        }
        return new LoadStateDictResult(missing, unexpected);
    }
}
