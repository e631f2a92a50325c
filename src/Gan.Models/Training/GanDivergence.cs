namespace Gan.Models.Training;

/// <summary>Why <see cref="GanTrainer"/> judged a run diverged.</summary>
public enum GanDivergence
{
    /// <summary>The discriminator's loss became NaN or infinite.</summary>
    NonFiniteDiscriminatorLoss,

    /// <summary>The generator's loss became NaN or infinite.</summary>
    NonFiniteGeneratorLoss,

    /// <summary>
    /// The discriminator's loss stayed below <see cref="GanTrainerOptions.CollapseDiscriminatorLoss"/> for
    /// <see cref="GanTrainerOptions.CollapseBatches"/> batches: D wins outright and G no longer learns.
    /// </summary>
    DiscriminatorCollapse,
}
