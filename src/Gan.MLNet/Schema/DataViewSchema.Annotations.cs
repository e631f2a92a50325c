using Gan.MLNet.Data;

namespace Gan.MLNet;

public sealed partial class DataViewSchema
{
    /// <summary>
    /// Named values attached to a column (for example <see cref="AnnotationKinds.KeyValues"/>: the category behind
    /// each key). Each annotation is a column of a one-row <see cref="Schema"/>, read through a getter.
    /// </summary>
    public sealed class Annotations
    {
        private readonly Delegate[] _getters;

        private Annotations(DataViewSchema schema, Delegate[] getters)
        {
            Schema = schema;
            _getters = getters;
        }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new(DataViewSchema.Empty, []);

        /// <summary>The kinds (as column names) and types of the annotations.</summary>
        public DataViewSchema Schema { get; }

        /// <summary>A getter of the annotation described by <paramref name="column"/> of <see cref="Schema"/>.</summary>
        /// <param name="column">A column of <see cref="Schema"/>.</param>
        public ValueGetter<TValue> GetGetter<TValue>(Column column)
        {
            var own = Schema[column.Index];
            if (own.Name != column.Name)
                throw new ColumnNotFoundException(column.Name, Schema);
            if (own.Type.RawType != typeof(TValue))
                throw new GetterTypeMismatchException(own.Name, own.Type, typeof(TValue));
            return (ValueGetter<TValue>)_getters[column.Index];
        }

        /// <summary>Reads the annotation of kind <paramref name="kind"/> into <paramref name="value"/>.</summary>
        /// <param name="kind">The annotation kind, such as <see cref="AnnotationKinds.KeyValues"/>.</param>
        /// <param name="value">Receives the value.</param>
        public void GetValue<TValue>(string kind, ref TValue value) => GetGetter<TValue>(Schema[kind])(ref value);

        /// <summary>Builds <see cref="Annotations"/>.</summary>
        public sealed class Builder
        {
            private readonly List<DetachedColumn> _columns = [];
            private readonly List<Delegate> _getters = [];

            /// <summary>Adds an annotation read through <paramref name="getter"/>.</summary>
            /// <param name="kind">The annotation kind.</param>
            /// <param name="type">The annotation type; its raw type must be <typeparamref name="TValue"/>.</param>
            /// <param name="getter">Produces the value.</param>
            public void Add<TValue>(string kind, DataViewType type, ValueGetter<TValue> getter)
            {
                ArgumentNullException.ThrowIfNull(getter);
                if (type.RawType != typeof(TValue))
                    throw new ArgumentException($"Annotation '{kind}' has type {type}, read as {type.RawType.Name}, not {typeof(TValue).Name}.", nameof(type));
                _columns.Add(new DetachedColumn(kind, type));
                _getters.Add(getter);
            }

            /// <summary>Adds an annotation with a fixed primitive value.</summary>
            /// <param name="kind">The annotation kind.</param>
            /// <param name="type">The annotation type.</param>
            /// <param name="value">The value.</param>
            public void AddPrimitiveValue<TValue>(string kind, PrimitiveDataViewType type, TValue value) =>
                Add(kind, type, (ref TValue destination) => destination = value);

            /// <summary>Copies the annotations of <paramref name="annotations"/> whose kind passes <paramref name="selector"/>.</summary>
            /// <param name="annotations">The source.</param>
            /// <param name="selector">Which kinds to copy.</param>
            public void Add(Annotations annotations, Func<string, bool> selector)
            {
                foreach (var column in annotations.Schema.Where(c => !c.IsHidden && selector(c.Name)))
                {
                    _columns.Add(new DetachedColumn(column.Name, column.Type));
                    _getters.Add(annotations._getters[column.Index]);
                }
            }

            /// <summary>Creates the annotations.</summary>
            public Annotations ToAnnotations() => new(DataViewSchema.Create(_columns), _getters.ToArray());
        }
    }
}
