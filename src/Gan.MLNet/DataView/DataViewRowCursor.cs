namespace Gan.MLNet;

/// <summary>A row that moves forward through a view. Start with <see cref="MoveNext"/>; dispose when done.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Advances to the next row.</summary>
    /// <returns>False when there are no more rows (the cursor then has <see cref="DataViewRow.Position"/> -1).</returns>
    public abstract bool MoveNext();
}
