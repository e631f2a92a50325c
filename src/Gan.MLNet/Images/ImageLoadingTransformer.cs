using System.Runtime.CompilerServices;
using Gan.Imaging;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Reads image files named by a text column. Lazy: a row's file is read and decoded only when its image (or error)
/// is read, at most once per row, and nothing is kept beyond the current row, so a pass over any number of images
/// holds one decoded image per cursor. Paths are relative to the image folder, or used as they are when the folder
/// is null or empty. A failure throws an <see cref="ImageLoadException"/> naming the full path and the row, or, with
/// <see cref="ImageLoadErrorHandling.ErrorColumn"/>, gives a null image and the message in the error column.
/// </summary>
public sealed class ImageLoadingTransformer : RowToRowTransformerBase
{
    internal const string ModelKind = "LoadImages";

    internal ImageLoadingTransformer(ImageLoadingEstimator.Options options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.OutputColumnName, nameof(options));
        if (!Enum.IsDefined(options.ErrorHandling))
            throw new ArgumentOutOfRangeException(nameof(options), options.ErrorHandling, "Unknown error handling.");
        if (options.ErrorHandling == ImageLoadErrorHandling.ErrorColumn && options.ErrorColumnName == options.OutputColumnName)
            throw new ArgumentException($"The error column cannot also be the image column '{options.OutputColumnName}'.", nameof(options));
        Settings = options;
    }

    /// <summary>The settings.</summary>
    public ImageLoadingEstimator.Options Settings { get; }

    /// <summary>The folder paths are relative to, as a full path, or null when paths are used as they are.</summary>
    public string? ImageFolder => string.IsNullOrWhiteSpace(Settings.ImageFolder) ? null : Path.GetFullPath(Settings.ImageFolder);

    /// <summary>Saves the settings.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("options", Settings);
    }

    internal static ITransformer Load(ModelLoadContext context) =>
        new ImageLoadingTransformer(context.GetOption<ImageLoadingEstimator.Options>("options"));

    internal IEnumerable<SchemaShape.Column> OutputShape()
    {
        yield return SchemaShape.Column.FromType(Settings.OutputColumnName, new ImageDataViewType());
        if (Settings.ErrorHandling == ImageLoadErrorHandling.ErrorColumn)
            yield return SchemaShape.Column.FromType(Settings.ErrorColumnName, TextDataViewType.Instance);
    }

    internal void CheckInput(string columnName, DataViewType type)
    {
        if (type is not TextDataViewType)
            throw new SchemaMismatchException(columnName, "text (an image path)", type.ToString());
    }

    /// <inheritdoc />
    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    private sealed class Mapper : ColumnMapperBase
    {
        private readonly ImageLoadingTransformer _owner;
        private readonly DataViewSchema.Column _input;
        private readonly string? _folder;

        // The image and error getters of one row share its load, so a row's file is decoded once.
        private readonly ConditionalWeakTable<DataViewRow, RowLoad> _loads = [];

        public Mapper(ImageLoadingTransformer owner, DataViewSchema inputSchema) : base(inputSchema)
        {
            _owner = owner;
            _input = inputSchema[owner.Settings.InputColumnName!];
            owner.CheckInput(_input.Name, _input.Type);
            _folder = owner.ImageFolder;
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> GetOutputColumns() =>
            [.. _owner.OutputShape().Select(c => new DataViewSchema.DetachedColumn(c.Name, c.ItemType))];

        public override IEnumerable<DataViewSchema.Column> GetDependencies(int outputIndex) => [_input];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var load = _loads.GetValue(input, row => new RowLoad(row, row.GetGetter<ReadOnlyMemory<char>>(_input), _folder, _owner.Settings.ErrorHandling));
            return outputIndex == 0
                ? (ValueGetter<Image?>)((ref Image? value) => value = load.Current().Image)
                : (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = load.Current().Error.AsMemory());
        }
    }

    private sealed class RowLoad(DataViewRow row, ValueGetter<ReadOnlyMemory<char>> getPath, string? folder, ImageLoadErrorHandling handling)
    {
        private long _position = -1;
        private (Image? Image, string Error) _current;

        public (Image? Image, string Error) Current()
        {
            if (row.Position != _position)
            {
                _current = default; // let the previous row's image go before decoding the next
                _current = Read();
                _position = row.Position;
            }
            return _current;
        }

        private (Image?, string) Read()
        {
            ReadOnlyMemory<char> text = default;
            getPath(ref text);
            string fullPath = folder is null ? text.ToString() : Path.Combine(folder, text.ToString());
            try
            {
                fullPath = Path.GetFullPath(fullPath);
                return (Image.Load(fullPath), "");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageFormatException or ImageTooLargeException or ArgumentException)
            {
                var error = new ImageLoadException(fullPath, row.Position, e);
                if (handling == ImageLoadErrorHandling.Throw)
                    throw error;
                return (null, error.Message);
            }
        }
    }
}
