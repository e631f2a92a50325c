namespace Gan.Torch;

/// <summary>
/// Disposes, when it is disposed, every tensor created on this thread while it was the innermost scope — the
/// temporaries of a training step or an inference batch. Results that must live on are moved out with
/// <see cref="MoveToOuter"/> or <see cref="Tensor.MoveToOuterDisposeScope"/>. Scopes nest per thread and must be
/// disposed innermost first (a <c>using</c> statement does that).
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _current;

    private readonly DisposeScope? _outer;
    private readonly List<Tensor> _tensors = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>The innermost scope of the calling thread, or null.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>Number of tensors this scope will dispose.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (var t in _tensors) if (ReferenceEquals(t.OwningScope, this)) n++;
            return n;
        }
    }

    internal void Attach(Tensor tensor)
    {
        tensor.OwningScope = this;
        _tensors.Add(tensor);
    }

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or out of all scopes) and returns it.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        if (!ReferenceEquals(tensor.OwningScope, this))
            throw new InvalidOperationException("the tensor does not belong to this dispose scope");
        if (_outer is null) tensor.OwningScope = null;
        else _outer.Attach(tensor);
        return tensor;
    }

    internal void Forget(Tensor tensor)
    {
        if (ReferenceEquals(tensor.OwningScope, this)) tensor.OwningScope = null;
    }

    /// <summary>Disposes every tensor still owned by this scope and makes the enclosing scope current again.</summary>
    /// <exception cref="InvalidOperationException">An inner scope is still open, or the call comes from another thread.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("a DisposeScope must be disposed on the thread that created it");
        if (!ReferenceEquals(_current, this))
            throw new InvalidOperationException("dispose scopes must be disposed innermost first");
        _disposed = true;
        _current = _outer;
        foreach (var t in _tensors)
        {
            if (!ReferenceEquals(t.OwningScope, this)) continue;
            t.OwningScope = null;
            t.Dispose();
        }
        _tensors.Clear();
    }
}
