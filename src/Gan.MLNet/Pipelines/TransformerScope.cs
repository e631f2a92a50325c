namespace Gan.MLNet.Data;

/// <summary>When a pipeline step is part of the model: while training, testing, and/or scoring (see <see cref="TransformerChain{TLastTransformer}.GetModelFor"/>).</summary>
[Flags]
public enum TransformerScope
{
    /// <summary>Never.</summary>
    None = 0,

    /// <summary>While training.</summary>
    Training = 1 << 0,

    /// <summary>While testing (evaluating).</summary>
    Testing = 1 << 1,

    /// <summary>While scoring (prediction on new data, where labels are absent).</summary>
    Scoring = 1 << 2,

    /// <summary>Training and testing, not scoring: for example steps that process the label.</summary>
    TrainTest = Training | Testing,

    /// <summary>Always.</summary>
    Everything = Training | Testing | Scoring,
}
