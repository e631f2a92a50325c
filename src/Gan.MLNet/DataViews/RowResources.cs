namespace Gan.MLNet.DataViews;

/// <summary>What the getters of one row or cursor hold (images they made) and must free when it is disposed.</summary>
internal sealed class RowResources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public void Add(IDisposable resource)
    {
        lock (_owned) _owned.Add(resource);
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var resource in _owned) resource.Dispose();
            _owned.Clear();
        }
    }
}
