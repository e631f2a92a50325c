namespace Gan.MLNet;

/// <summary>
/// Reads the current row's value of one column into <paramref name="value"/>. Passing the previous value back lets
/// the getter reuse its storage (for example a vector's array), so a pass over the data need not allocate per row.
/// </summary>
/// <typeparam name="TValue">The column's raw type.</typeparam>
/// <param name="value">Receives the value; its previous contents may be reused.</param>
public delegate void ValueGetter<TValue>(ref TValue value);
