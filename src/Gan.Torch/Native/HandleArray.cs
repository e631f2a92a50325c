namespace Gan.Torch.Native;

/// <summary>
/// Raw pointers of several tensors for one native call. Each handle is reference-counted for the lifetime of this
/// object so that a concurrent Dispose cannot free a tensor the native side is reading.
/// </summary>
internal readonly struct HandleArray : IDisposable
{
    private readonly TensorHandle?[] _handles;

    public IntPtr[] Pointers { get; }

    public HandleArray(IReadOnlyList<Tensor?> tensors)
    {
        _handles = new TensorHandle?[tensors.Count];
        Pointers = new IntPtr[tensors.Count];
        try
        {
            for (int i = 0; i < tensors.Count; i++)
            {
                var tensor = tensors[i];
                if (tensor is null) continue;
                var handle = tensor.Handle;
                bool added = false;
                handle.DangerousAddRef(ref added);
                _handles[i] = handle;
                Pointers[i] = handle.DangerousGetHandle();
            }
        }
        catch
        {
            // A disposed tensor later in the list: no one will call Dispose on a half-built array, so release the
            // references taken so far, or those tensors could never be freed.
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var handle in _handles) handle?.DangerousRelease();
    }
}
