namespace Gan.MLNet.Data;

/// <summary>
/// Decides, row by row in source order, whether a row belongs to the test part of a split. Within each stratum (each
/// value of the sampling key; a single stratum without one) the test count after n rows stays within one of
/// <c>testFraction × n</c>: a row is taken with probability equal to the current shortfall, so the choice is random
/// but the proportions are exact. The same seed and source order give the same decisions, so the train and test
/// views, each evaluating the rule independently, are exact complements.
/// </summary>
internal static class StratifiedSplit
{
    public static IDataView Part(IDataView data, double testFraction, DataViewSchema.Column? keyColumn, int seed, bool testPart)
    {
        var predicateColumns = keyColumn is null ? Array.Empty<DataViewSchema.Column>() : [keyColumn.Value];
        return new RowFilterDataView(data, predicateColumns, row =>
        {
            var readStratum = keyColumn is null ? () => (object)0 : StratumReader.Create(row, keyColumn.Value);
            var random = new Random(seed);
            var counts = new Dictionary<object, (long Seen, long Taken)>();
            return () =>
            {
                var stratum = readStratum();
                counts.TryGetValue(stratum, out var count);
                count.Seen++;
                bool inTest = random.NextDouble() < testFraction * count.Seen - count.Taken;
                if (inTest)
                    count.Taken++;
                counts[stratum] = count;
                return inTest == testPart;
            };
        }, keepsSourceOrder: true);
    }
}
