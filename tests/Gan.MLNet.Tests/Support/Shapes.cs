using System.Reflection;

namespace Gan.MLNet.Tests.Support;

/// <summary>
/// The SchemaShape of a schema, for calling an estimator's GetOutputSchema directly. ML.NET keeps SchemaShape.Create
/// internal (pipelines build shapes themselves); tests reach it by reflection.
/// </summary>
internal static class Shapes
{
    private static readonly MethodInfo Create = typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, [typeof(DataViewSchema)])!;

    public static SchemaShape Of(DataViewSchema schema) => (SchemaShape)Create.Invoke(null, [schema])!;
}
