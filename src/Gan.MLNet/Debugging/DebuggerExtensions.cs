using Gan.MLNet.Data;

namespace Gan.MLNet;

/// <summary>Previewing data while debugging.</summary>
public static class DebuggerExtensions
{
    /// <summary>Materialises the first <paramref name="maxRows"/> rows of <paramref name="data"/> for inspection.</summary>
    /// <param name="data">The view.</param>
    /// <param name="maxRows">The most rows to read.</param>
    public static DataDebuggerPreview Preview(this IDataView data, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DataDebuggerPreview(data, maxRows);
    }
}
