using System.Text.Json;

namespace Gan.Cli.Tests;

[TestClass]
public sealed class RuntimeConfigTests
{
    [TestMethod]
    public void TheToolCompactsTheLargeObjectHeapWhenItFragments()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "gan.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.AreEqual(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32(), "the setting the CLI's memory figures were measured with");
    }
}
