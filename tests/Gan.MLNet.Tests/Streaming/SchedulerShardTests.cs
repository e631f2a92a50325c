using Gan.MLNet.Streaming;

namespace Gan.MLNet.Tests.Streaming;

[TestClass]
public sealed class SchedulerShardTests
{
    private static ImageShard From(int? count, params (string Name, string Value)[] variables) =>
        SchedulerShard.FromEnvironment(name => variables.FirstOrDefault(v => v.Name == name).Value, count);

    [TestMethod]
    public void AKubernetesIndexedJobTakesItsCountFromTheOptionOrTheEnvironment()
    {
        Assert.AreEqual(new ImageShard(2, 4), From(4, ("JOB_COMPLETION_INDEX", "2")));
        Assert.AreEqual(new ImageShard(2, 4), From(null, ("JOB_COMPLETION_INDEX", "2"), ("GAN_SHARD_COUNT", "4")));
        Assert.AreEqual(new ImageShard(0, 4), From(4, ("JOB_COMPLETION_INDEX", "0"), ("GAN_SHARD_COUNT", "4")), "agreeing option and variable");
    }

    [TestMethod]
    public void ASlurmArrayCountsFromItsMinimumInSteps()
    {
        Assert.AreEqual(new ImageShard(0, 3), From(null, ("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_MIN", "1")));
        Assert.AreEqual(new ImageShard(2, 3), From(3, ("SLURM_ARRAY_TASK_ID", "30"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_STEP", "10")));
    }

    [TestMethod]
    [DataRow(null, new[] { "" }, "found neither")]
    [DataRow(null, new[] { "JOB_COMPLETION_INDEX=1", "SLURM_ARRAY_TASK_ID=1" }, "both")]
    [DataRow(null, new[] { "JOB_COMPLETION_INDEX=1" }, "--shard-count")]
    [DataRow(3, new[] { "JOB_COMPLETION_INDEX=1", "GAN_SHARD_COUNT=4" }, "disagree")]
    [DataRow(3, new[] { "JOB_COMPLETION_INDEX=3" }, "outside 0..2")]
    [DataRow(3, new[] { "JOB_COMPLETION_INDEX=x" }, "'x' is not a non-negative integer")]
    [DataRow(null, new[] { "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MIN=0" }, "SLURM_ARRAY_TASK_COUNT is not")]
    [DataRow(null, new[] { "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=2" }, "SLURM_ARRAY_TASK_MIN is not")]
    [DataRow(4, new[] { "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=2", "SLURM_ARRAY_TASK_MIN=0" }, "disagrees with SLURM_ARRAY_TASK_COUNT=2")]
    [DataRow(null, new[] { "SLURM_ARRAY_TASK_ID=15", "SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=10", "SLURM_ARRAY_TASK_STEP=10" }, "multiple of STEP")]
    public void AMissingOrContradictoryEnvironmentIsRefusedSayingWhy(int? count, string[] variables, string expected)
    {
        var pairs = variables.Where(v => v.Length > 0).Select(v => (v.Split('=')[0], v.Split('=')[1])).ToArray();
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => From(count, pairs)).Message, expected);
    }
}
