namespace Gan.Models.Metrics;

/// <summary>What a column of a <see cref="QualityTable"/> measures.</summary>
public enum QualityColumnRole
{
    /// <summary>Real data: the best a generator can be expected to reach.</summary>
    Floor,

    /// <summary>A generator being evaluated.</summary>
    Model,

    /// <summary>A known-bad source (untrained, collapsed, noise): what failure looks like.</summary>
    Ceiling,
}
