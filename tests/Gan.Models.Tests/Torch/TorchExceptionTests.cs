using System.Runtime.InteropServices;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class TorchExceptionTests
{
    [TestMethod]
    public void ALibtorchErrorBecomesItsFirstLineAfterTheContext()
    {
        using var scope = NewDisposeScope();
        var x = zeros(2, 3);
        var native = Assert.ThrowsExactly<ExternalException>(() => x.view(4));
        Assert.Contains('\n', native.Message.Trim(), "TorchSharp passes libtorch's backtrace on");

        var e = TorchException.From(native, "reshaping row 7 of data.csv");

        Assert.AreEqual("reshaping row 7 of data.csv: shape '[4]' is invalid for input of size 6", e.Message);
        Assert.AreEqual("shape '[4]' is invalid for input of size 6", e.NativeMessage);
        Assert.AreSame(native, e.InnerException);
    }

    [TestMethod]
    [DataRow("first\r\nsecond", "first")]
    [DataRow("  only line  ", "only line")]
    [DataRow("first\nsecond\nthird", "first")]
    [DataRow("", "")]
    public void OnlyTheFirstLineIsKept(string nativeMessage, string expected)
    {
        var e = TorchException.From(new ExternalException(nativeMessage), "context");
        Assert.AreEqual($"context: {expected}", e.Message);
        Assert.AreEqual(expected, e.NativeMessage);
    }

    [TestMethod]
    public void WithoutANativeErrorTheNativeMessageIsTheMessage()
    {
        var e = new TorchException("what happened");
        Assert.AreEqual("what happened", e.NativeMessage);
        Assert.IsNull(e.InnerException);
    }
}
