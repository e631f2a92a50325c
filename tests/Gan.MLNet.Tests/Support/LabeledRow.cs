namespace Gan.MLNet.Tests.Support;

public sealed class LabeledRow
{
    public int Id;
    public string Label = "";
    public float Value;

    /// <summary>Rows 0..count-1 with labels cycling through <paramref name="labels"/> in the given proportions (a label listed twice is twice as frequent).</summary>
    public static IEnumerable<LabeledRow> Generate(int count, params string[] labels)
    {
        for (int i = 0; i < count; i++)
            yield return new LabeledRow { Id = i, Label = labels[i % labels.Length], Value = i * 0.5f };
    }
}
