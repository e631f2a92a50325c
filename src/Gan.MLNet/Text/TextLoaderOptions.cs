namespace Gan.MLNet.Data;

public sealed partial class TextLoader
{
    /// <summary>How a text file is read.</summary>
    public sealed class Options
    {
        /// <summary>The columns to read; required.</summary>
        public Column[] Columns { get; set; } = [];

        /// <summary>The field separator (tab by default, as in ML.NET).</summary>
        public char Separator { get; set; } = '\t';

        /// <summary>Whether the first line is a header (skipped; a file without it is an error).</summary>
        public bool HasHeader { get; set; }

        /// <summary>
        /// Whether fields may be quoted (RFC 4180: <c>"a, b"</c>, doubled quotes inside, line breaks inside). Without
        /// it, quotes are ordinary characters. Text saved by SaveAsText needs it when a value holds the separator,
        /// a quote or a line break.
        /// </summary>
        public bool AllowQuoting { get; set; }

        /// <summary>Whether spaces around each field are removed.</summary>
        public bool TrimWhitespace { get; set; }

        /// <summary>What to do with a row that cannot be read.</summary>
        public MalformedRowHandling MalformedRows { get; set; } = MalformedRowHandling.Throw;
    }
}
