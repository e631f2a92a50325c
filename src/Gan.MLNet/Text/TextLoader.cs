using System.Reflection;

namespace Gan.MLNet.Data;

/// <summary>
/// Reads delimited text files (CSV, TSV) into lazy views, as ML.NET's TextLoader: create it with
/// <c>mlContext.Data.CreateTextLoader</c>, then <see cref="Load"/> any number of files with the same layout. Numbers are
/// read culture-invariantly (a dot is the decimal separator whatever the current culture). A row that cannot be read
/// raises a <see cref="TextLoaderException"/> naming the file, line and column, or is skipped and counted
/// (<see cref="Options.MalformedRows"/>).
/// </summary>
public sealed partial class TextLoader
{
    private readonly MLContext _context;
    private readonly Options _options;

    internal TextLoader(MLContext context, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Columns is not { Length: > 0 })
            throw new ArgumentException("A text loader needs at least one column.", nameof(options));
        if (!Enum.IsDefined(options.MalformedRows))
            throw new ArgumentOutOfRangeException(nameof(options), options.MalformedRows, "Unknown malformed row handling.");
        if (options.Separator is '"' or '\r' or '\n' || options.Separator > 127)
            throw new ArgumentException($"'{options.Separator}' cannot separate fields.", nameof(options));
        var duplicate = options.Columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Column '{duplicate.Key}' is defined twice.", nameof(options));
        _context = context;
        _options = new Options
        {
            Columns = [.. options.Columns],
            Separator = options.Separator,
            HasHeader = options.HasHeader,
            AllowQuoting = options.AllowQuoting,
            TrimWhitespace = options.TrimWhitespace,
            MalformedRows = options.MalformedRows,
        };
    }

    /// <summary>The columns read.</summary>
    public IReadOnlyList<Column> Columns => _options.Columns;

    /// <summary>A lazy view of the rows of <paramref name="path"/>; the file is read by each cursor.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="TextLoaderException">A header is expected but the file is empty.</exception>
    public TextFileDataView Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new TextFileDataView(_context, path, _options);
    }

    /// <summary>
    /// The columns of <paramref name="rowType"/>: every public field or property with a <see cref="LoadColumnAttribute"/>,
    /// named by <see cref="ColumnNameAttribute"/>, typed by the member (arrays become vectors of the field range's length;
    /// a <see cref="VectorTypeAttribute"/> size must match it; <see cref="KeyTypeAttribute"/> makes keys).
    /// </summary>
    internal static Column[] ColumnsOf(Type rowType)
    {
        var columns = new List<Column>();
        foreach (var member in SchemaDefinition.ColumnMembers(rowType, SchemaDefinition.Direction.Read))
        {
            var load = member.GetCustomAttribute<LoadColumnAttribute>()
                ?? throw new ArgumentException($"Member '{rowType.Name}.{member.Name}' has no [LoadColumn]; mark it [NoColumn] to leave it out of the text loader.", nameof(rowType));
            var type = ClrTypeMapping.InferColumnType(member);
            var item = type is VectorDataViewType vector ? vector.ItemType : (PrimitiveDataViewType)type;
            int fieldCount = load.End - load.Start + 1;
            if (type is VectorDataViewType { IsKnownSize: true, Size: var size } && size != fieldCount)
                throw new ArgumentException($"Member '{rowType.Name}.{member.Name}' is a vector of {size} items but [LoadColumn] gives {fieldCount} fields.", nameof(rowType));
            if (type is not VectorDataViewType && fieldCount != 1)
                throw new ArgumentException($"Member '{rowType.Name}.{member.Name}' is a scalar but [LoadColumn] gives {fieldCount} fields; make it an array.", nameof(rowType));
            var (kind, keyCount) = KindOf(item, member.Name);
            columns.Add(new Column(SchemaDefinition.ColumnNameOf(member), kind, [new Range(load.Start, load.End)], keyCount));
        }
        return [.. columns];
    }

    private static (DataKind Kind, ulong? KeyCount) KindOf(PrimitiveDataViewType item, string memberName) => item switch
    {
        KeyDataViewType key => (DataKind.UInt32, key.Count),
        BooleanDataViewType => (DataKind.Boolean, null),
        TextDataViewType => (DataKind.String, null),
        _ when item == NumberDataViewType.Single => (DataKind.Single, null),
        _ when item == NumberDataViewType.Double => (DataKind.Double, null),
        _ when item == NumberDataViewType.Int32 => (DataKind.Int32, null),
        _ when item == NumberDataViewType.Int64 => (DataKind.Int64, null),
        _ when item == NumberDataViewType.UInt32 => (DataKind.UInt32, null),
        _ => throw new ArgumentException($"Member '{memberName}' has type {item}, which cannot be read from text."),
    };
}
