using Gan.Models.IO;
using Gan.MLNet.Data;

namespace Gan.MLNet;

public sealed partial class DataOperationsCatalog
{
    /// <summary>A loader of text files with the layout in <paramref name="options"/>.</summary>
    /// <param name="options">Columns, separator, header, quoting, trimming and malformed-row handling.</param>
    public TextLoader CreateTextLoader(TextLoader.Options options) => new(Context, options);

    /// <summary>A lazy view of a text file laid out as in <paramref name="options"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Columns, separator, header, quoting, trimming and malformed-row handling.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="TextLoaderException">A header is expected but the file is empty.</exception>
    public TextFileDataView LoadFromTextFile(string path, TextLoader.Options options) => CreateTextLoader(options).Load(path);

    /// <summary>A lazy view of a text file with the given columns (name, type, source fields).</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted (RFC 4180).</param>
    /// <param name="trimWhitespace">Whether spaces around fields are removed.</param>
    /// <param name="malformedRows">Whether a malformed row throws or is skipped and counted.</param>
    public TextFileDataView LoadFromTextFile(string path, TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false,
        bool allowQuoting = false, bool trimWhitespace = false, MalformedRowHandling malformedRows = MalformedRowHandling.Throw) =>
        LoadFromTextFile(path, new TextLoader.Options
        {
            Columns = columns ?? throw new ArgumentNullException(nameof(columns)),
            Separator = separatorChar,
            HasHeader = hasHeader,
            AllowQuoting = allowQuoting,
            TrimWhitespace = trimWhitespace,
            MalformedRows = malformedRows,
        });

    /// <summary>
    /// A lazy view of a text file with the columns of <typeparamref name="TInput"/>: each public field or property with
    /// a <see cref="LoadColumnAttribute"/> (an index, or a range for an array member, which becomes a vector).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="hasHeader">Whether the first line is a header.</param>
    /// <param name="allowQuoting">Whether fields may be quoted (RFC 4180).</param>
    /// <param name="trimWhitespace">Whether spaces around fields are removed.</param>
    /// <param name="malformedRows">Whether a malformed row throws or is skipped and counted.</param>
    public TextFileDataView LoadFromTextFile<TInput>(string path, char separatorChar = '\t', bool hasHeader = false,
        bool allowQuoting = false, bool trimWhitespace = false, MalformedRowHandling malformedRows = MalformedRowHandling.Throw) =>
        LoadFromTextFile(path, TextLoader.ColumnsOf(typeof(TInput)), separatorChar, hasHeader, allowQuoting, trimWhitespace, malformedRows);

    /// <summary>
    /// Writes the visible columns of <paramref name="data"/> as delimited text (UTF-8, '\n' line ends), through
    /// CsvHelper: a field holding the separator, a quote or a line break is quoted, so read such files back with
    /// <c>allowQuoting: true</c>. A scalar column is one field, named after the column in the header; a fixed-size
    /// vector of n items is n consecutive fields named <c>Name.0</c> .. <c>Name.{n-1}</c>, read back with
    /// <c>[LoadColumn(start, start + n - 1)]</c> or a <see cref="TextLoader.Column"/> over that range. Keys are written as
    /// their numbers. Variable-size vectors and non-text types (images) are refused. Unlike ML.NET, no schema comment is
    /// written.
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="headerRow">Whether to write a header line.</param>
    /// <exception cref="SchemaMismatchException">A column cannot be written as text.</exception>
    public void SaveAsText(IDataView data, Stream stream, char separatorChar = '\t', bool headerRow = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stream);
        TextSaver.Save(data, stream, separatorChar, headerRow);
    }

    /// <summary>
    /// Writes <paramref name="data"/> as text to <paramref name="path"/> (as <see cref="SaveAsText(IDataView, Stream, char, bool)"/>),
    /// atomically: the file is written beside the destination under a temporary name and renamed into place only when
    /// complete, so a failure part-way leaves the destination as it was.
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="path">The destination file; replaced when it exists.</param>
    /// <param name="separatorChar">The field separator.</param>
    /// <param name="headerRow">Whether to write a header line.</param>
    public void SaveAsText(IDataView data, string path, char separatorChar = '\t', bool headerRow = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        AtomicFile.Write(path, stream => TextSaver.Save(data, stream, separatorChar, headerRow));
        Context.WriteLog(Source, ChannelMessageKind.Info, $"SaveAsText: wrote '{Path.GetFullPath(path)}'.");
    }
}
