using System.Globalization;

namespace Gan.MLNet.Streaming;

/// <summary>
/// The shard a process of an existing scheduler's array job should take (<c>gan upscale --shard auto</c>): Kubernetes
/// Indexed Jobs give each pod <c>JOB_COMPLETION_INDEX</c> (the count comes from <c>--shard-count</c> or
/// <c>GAN_SHARD_COUNT</c>, as Kubernetes does not pass <c>completions</c> to the pod); Slurm job arrays give
/// <c>SLURM_ARRAY_TASK_ID</c>, <c>SLURM_ARRAY_TASK_COUNT</c>, <c>SLURM_ARRAY_TASK_MIN</c> (and <c>SLURM_ARRAY_TASK_STEP</c>
/// for arrays such as 0-30:10). A missing or contradictory environment is refused with a message that says what to set.
/// </summary>
public static class SchedulerShard
{
    /// <summary>The variable that holds the shard count of a Kubernetes Indexed Job.</summary>
    public const string ShardCountVariable = "GAN_SHARD_COUNT";

    /// <summary>The shard described by <paramref name="environment"/>.</summary>
    /// <param name="environment">Reads one environment variable (null when unset), e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <param name="shardCount">The count given on the command line, or null.</param>
    /// <exception cref="FormatException">No scheduler, both, a value that is not a number, or values that disagree.</exception>
    public static ImageShard FromEnvironment(Func<string, string?> environment, int? shardCount)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? kubernetes = environment("JOB_COMPLETION_INDEX");
        string? slurm = environment("SLURM_ARRAY_TASK_ID");
        if (kubernetes is not null && slurm is not null)
            throw new FormatException("both JOB_COMPLETION_INDEX (Kubernetes) and SLURM_ARRAY_TASK_ID (Slurm) are set; run under one scheduler or give --shard i/n");
        if (kubernetes is null && slurm is null)
            throw new FormatException("found neither JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (a Slurm job array); give --shard i/n outside them");
        string? countVariable = environment(ShardCountVariable);
        int? countFromVariable = countVariable is null ? null : Number(ShardCountVariable, countVariable);
        if (shardCount is not null && countFromVariable is not null && shardCount != countFromVariable)
            throw new FormatException($"--shard-count {shardCount} and {ShardCountVariable}={countFromVariable} disagree");
        int? given = shardCount ?? countFromVariable;
        return kubernetes is not null ? Kubernetes(kubernetes, given) : Slurm(environment, slurm!, given);
    }

    private static ImageShard Kubernetes(string indexText, int? count)
    {
        int index = Number("JOB_COMPLETION_INDEX", indexText);
        if (count is null)
            throw new FormatException($"JOB_COMPLETION_INDEX={index} (a Kubernetes Indexed Job) needs the shard count: give --shard-count N or set {ShardCountVariable} to the Job's completions");
        return Checked(index, count.Value, $"JOB_COMPLETION_INDEX={index}");
    }

    private static ImageShard Slurm(Func<string, string?> environment, string idText, int? given)
    {
        int id = Number("SLURM_ARRAY_TASK_ID", idText);
        int count = Number("SLURM_ARRAY_TASK_COUNT", environment("SLURM_ARRAY_TASK_COUNT")
            ?? throw new FormatException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not"));
        int minimum = Number("SLURM_ARRAY_TASK_MIN", environment("SLURM_ARRAY_TASK_MIN")
            ?? throw new FormatException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not"));
        int step = environment("SLURM_ARRAY_TASK_STEP") is { } stepText ? Number("SLURM_ARRAY_TASK_STEP", stepText) : 1;
        if (given is not null && given != count)
            throw new FormatException($"the shard count {given} disagrees with SLURM_ARRAY_TASK_COUNT={count}");
        if (step < 1 || id < minimum || (id - minimum) % step != 0)
            throw new FormatException($"SLURM_ARRAY_TASK_ID={id} is not MIN {minimum} plus a multiple of STEP {step}");
        return Checked((id - minimum) / step, count, $"SLURM_ARRAY_TASK_ID={id} (MIN {minimum}, STEP {step})");
    }

    private static ImageShard Checked(int index, int count, string source) =>
        count >= 1 && index >= 0 && index < count
            ? new ImageShard(index, count)
            : throw new FormatException($"{source} gives shard {index}, outside 0..{count - 1} of {count} shards");

    private static int Number(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value : throw new FormatException($"{name}='{text}' is not a non-negative integer");
}
