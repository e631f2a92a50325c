using Microsoft.ML.Data;

namespace Gan.MLNet.DataViews;

/// <summary>
/// Copies a value so it survives the next getter call: vectors get their own array (getters reuse theirs), images
/// their own pixels (image stages dispose theirs when the cursor moves); other raw types are immutable values or
/// references and are kept as they are.
/// </summary>
internal static class ValueCopier<T>
{
    /// <summary>An independent copy of a value.</summary>
    public static readonly Func<T, T> Copy;

    static ValueCopier()
    {
        if (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>))
        {
            var itemType = typeof(T).GetGenericArguments()[0];
            var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
            Copy = typeof(ValueCopier<T>).GetMethod(nameof(CopyVector), flags)!.MakeGenericMethod(itemType).CreateDelegate<Func<T, T>>();
        }
        else if (typeof(T) == typeof(MLImage))
        {
            Copy = value => (T)(object)CopyImage((MLImage)(object)value!)!;
        }
        else
        {
            Copy = static value => value;
        }
    }

    private static VBuffer<TItem> CopyVector<TItem>(VBuffer<TItem> value)
    {
        VBuffer<TItem> copy = default;
        value.CopyTo(ref copy);
        return copy;
    }

    private static MLImage? CopyImage(MLImage? image) =>
        image is null ? null : MLImage.CreateFromPixels(image.Width, image.Height, image.PixelFormat, image.Pixels);
}
