using Microsoft.ML.Data;

namespace Gan.MLNet.DataViews;

/// <summary>
/// The image a getter made for the current row. ML.NET's image stages keep their output alive until the cursor
/// moves and dispose it then; this does the same: setting a new image disposes the previous one, and disposing the
/// slot (with its row) disposes the last.
/// </summary>
internal sealed class ImageSlot : IDisposable
{
    public MLImage? Current { get; private set; }

    public void Set(MLImage? image)
    {
        if (!ReferenceEquals(Current, image)) Current?.Dispose();
        Current = image;
    }

    public void Dispose() => Set(null);
}
