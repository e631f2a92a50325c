namespace Gan.MLNet.Data;

/// <summary>What a text loader does with a row it cannot read (wrong number of fields, a value that does not parse, an unterminated quote).</summary>
public enum MalformedRowHandling
{
    /// <summary>Throw a <see cref="TextLoaderException"/> naming the file, line and column.</summary>
    Throw = 0,

    /// <summary>
    /// Skip the row and count it: the count is <see cref="TextFileDataView.SkippedRowCount"/>, and a warning with the
    /// first line numbers is written to <see cref="MLContext.Log"/> when a cursor reaches the end of the file.
    /// </summary>
    Skip = 1,
}
