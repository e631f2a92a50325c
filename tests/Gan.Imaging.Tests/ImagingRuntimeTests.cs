namespace Gan.Imaging.Tests;

[TestClass]
public sealed class ImagingRuntimeTests
{
    [TestMethod]
    public void ReportsOpenCvFour() => StringAssert.StartsWith(ImagingRuntime.OpenCvVersion, "4.");
}
