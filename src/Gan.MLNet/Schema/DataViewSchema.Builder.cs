using Gan.MLNet.Data;

namespace Gan.MLNet;

public sealed partial class DataViewSchema
{
    /// <summary>Builds a <see cref="DataViewSchema"/> column by column.</summary>
    public sealed class Builder
    {
        private readonly List<DetachedColumn> _columns = [];

        /// <summary>Adds a column at the end; a name already present becomes hidden.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="type">The column type.</param>
        /// <param name="annotations">Annotations; null for none.</param>
        public void AddColumn(string name, DataViewType type, Annotations? annotations = null) =>
            _columns.Add(new DetachedColumn(name, type, annotations));

        /// <summary>Adds copies of <paramref name="columns"/> (name, type, annotations) at the end.</summary>
        /// <param name="columns">The columns to copy.</param>
        public void AddColumns(IEnumerable<Column> columns) =>
            _columns.AddRange(columns.Select(c => new DetachedColumn(c)));

        /// <summary>Adds detached columns at the end.</summary>
        /// <param name="columns">The columns to add.</param>
        public void AddColumns(IEnumerable<DetachedColumn> columns) => _columns.AddRange(columns);

        /// <summary>Creates the schema.</summary>
        public DataViewSchema ToSchema() => new(_columns.ToArray());
    }
}
