namespace Gan.MLNet.Transforms;

/// <summary>What a fitted GanGenerate step does to the rows it sees.</summary>
public enum GanGenerateMode
{
    /// <summary>
    /// Data augmentation: while the pipeline is trained, synthetic rows (their label set and the synthetic flag on) are
    /// appended after the real ones; at scoring rows pass through untouched (the flag column reads false). The GAN
    /// learns from, and writes into, the output column.
    /// </summary>
    Augment,

    /// <summary>
    /// Row to row: every row gets a new output column holding a sample for the row's label (for unconditional kinds, for
    /// the row's position). The GAN learns from the input column at Fit; afterwards only the label column is read.
    /// </summary>
    RowToRow,
}
