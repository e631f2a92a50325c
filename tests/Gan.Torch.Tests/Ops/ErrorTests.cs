using Gan.Torch;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Failures inside libtorch (and argument checks of the binding) surface as typed .NET exceptions carrying the
/// meaningful message, and leave the process and the binding usable.
/// </summary>
[TestClass]
public sealed class ErrorTests
{
    private sealed record ErrorCase(Action<Func<long[], Tensor>> Provoke, Type Exception, string Fragment);

    private static ErrorCase Case<TException>(Action<Func<long[], Tensor>> provoke, string fragment)
        where TException : Exception => new(provoke, typeof(TException), fragment);

    // The exception types follow libtorch's error classes (PyTorch's IndexError → TorchIndexException, RuntimeError →
    // TorchException); the binding's own argument checks add TorchArgumentException and TorchTypeException.
    // Each case gets a factory of float32 zeros of a given shape; everything it creates dies with the test's scope.
    private static readonly Dictionary<string, ErrorCase> Cases = new()
    {
        ["Matmul shape mismatch"] = Case<TorchException>(z => z([2, 3]).Matmul(z([4, 5])), "2x3 and 4x5"),
        ["Batched matmul shape mismatch"] = Case<TorchException>(z => z([2, 2, 3]).Matmul(z([2, 4, 2])), "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4]"),
        ["Matmul Float32 × Float64"] = Case<TorchException>(z => z([2, 3]).Matmul(z([3, 2]).To(DType.Float64)), "expected scalar type Float but found Double"),
        ["View of an incompatible size"] = Case<TorchException>(z => z([2, 3]).View(4), "shape '[4]' is invalid for input of size 6"),
        ["View of a non-contiguous tensor"] = Case<TorchException>(z => z([2, 3]).T.View(6), "view size is not compatible with input tensor's size and stride"),
        ["Reshape to a wrong size"] = Case<TorchException>(z => z([2, 3]).Reshape(5, -1), "shape '[5, -1]' is invalid for input of size 6"),
        ["Expand a non-singleton dimension"] = Case<TorchException>(z => z([2, 3]).Expand(2, 4), "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1"),
        ["Broadcast mismatch"] = Case<TorchException>(z => z([2, 3]).Add(z([4])), "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"),
        ["Cat of mismatched shapes"] = Case<TorchException>(z => Tensors.Cat([z([2, 3]), z([2, 4])]), "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4"),
        ["Stack of mismatched shapes"] = Case<TorchException>(z => Tensors.Stack([z([2, 3]), z([3, 2])]), "stack expects each tensor to be equal size"),
        ["Select index out of range"] = Case<TorchIndexException>(z => z([2, 3]).Select(0, 5), "index 5 out of range for tensor of size [2, 3] at dimension 0"),
        ["Indexer out of range"] = Case<TorchIndexException>(z => _ = z([2, 3])[-3], "index -3 out of range"),
        ["Narrow beyond the end"] = Case<TorchException>(z => z([2, 3]).Narrow(1, 2, 2), "start (2) + length (2) exceeds dimension size (3)"),
        // libtorch raises a plain error (RuntimeError in PyTorch) here, unlike Select's IndexError.
        ["IndexSelect index out of range"] = Case<TorchException>(z => z([2, 3]).IndexSelect(1, Tensors.FromArray(new[] { 0L, 3L })), "INDICES element is out of DATA bounds, id=3 axis_dim=3"),
        ["Gather index out of range"] = Case<TorchException>(z => z([2, 3]).Gather(1, Tensors.FromArray(new[] { 0L, 7L }, 2, 1)), "index 7 is out of bounds for dimension 1 with size 3"),
        ["Sum over an invalid dim"] = Case<TorchIndexException>(z => z([2, 3]).Sum(2), "Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
        ["Transpose of an invalid dim"] = Case<TorchIndexException>(z => z([2, 3]).Transpose(0, -3), "Dimension out of range (expected to be in range of [-2, 1], but got -3)"),
        ["Size of an invalid dim"] = Case<TorchIndexException>(z => z([2, 3]).Size(2), "dimension 2 is out of range for a tensor of 2 dimensions"),
        ["ToArray<float> of a Float64 tensor"] = Case<TorchTypeException>(z => z([2]).To(DType.Float64).ToArray<float>(), "the tensor holds Float64 elements, not Single"),
        ["Item of a tensor with several elements"] = Case<TorchException>(z => z([2, 3]).Item(), "a Tensor with 6 elements cannot be converted to Scalar"),
        ["In-place float result into Int64"] = Case<TorchException>(_ => Tensors.Arange(3).AddInPlace(0.5), "result type Float can't be cast to the desired output type Long"),
        ["Integer remainder by zero"] = Case<TorchException>(_ => Tensors.FromArray(new[] { 1L }).Remainder(0), "ZeroDivisionError"),
        ["Mean of integers"] = Case<TorchException>(_ => Tensors.Arange(3).Mean(), "mean(): could not infer output dtype"),
        ["Integer to a negative integer power"] = Case<TorchException>(_ => Tensors.Arange(3).Pow(-1), "Integers to negative integer powers are not allowed"),
        ["Where with a non-bool condition"] = Case<TorchException>(z => Tensors.Where(z([2]), z([2]), z([2])), "where expected condition to be a boolean tensor"),
        ["FromArray with too few elements"] = Case<TorchArgumentException>(_ => Tensors.FromArray(new[] { 1f, 2f, 3f }, 2, 2), "data holds 12 bytes but shape [2, 2] of Float needs 16"),
        ["FromArray with too many elements"] = Case<TorchArgumentException>(_ => Tensors.FromArray(new[] { 1L, 2L, 3L }, 2), "data holds 24 bytes but shape [2] of Long needs 16"),
        ["OneHot class beyond numClasses"] = Case<TorchException>(_ => Tensors.FromArray(new[] { 0L, 4L }).OneHot(3), "Class values must be smaller than num_classes"),
        ["Backward of a tensor without grad"] = Case<TorchException>(z => z([]).Backward(), "element 0 of tensors does not require grad and does not have a grad_fn"),
        ["In-place op on a leaf that requires grad"] = Case<TorchException>(z => z([2]).To(DType.Float64).RequiresGrad_().ExpInPlace(), "a leaf Variable that requires grad is being used in an in-place operation"),
    };

    public static IEnumerable<object[]> Names => Cases.Keys.Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void ThrowsTypedExceptionWithLibTorchsMessage(string name)
    {
        using var scope = Tensors.NewDisposeScope();
        var (provoke, type, fragment) = Cases[name];
        var thrown = Assert.Throws<Exception>(() => provoke(shape => Tensors.Zeros(shape)), $"{name}: nothing was thrown");
        Assert.AreEqual(type, thrown.GetType(), $"{name}: {thrown.GetType().Name}: {thrown.Message}");
        Assert.Contains(fragment, thrown.Message, $"{name}: message");
        Assert.AreEqual(2.0f, Tensors.Ones(2).Sum().Item<float>(), "the binding still works after the error");
    }

    [TestMethod]
    public void MessagesAreKeptPerThread()
    {
        // Each thread provokes its own shape mismatch; a shared last-error slot would mix the messages up.
        Parallel.For(2, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            using var scope = Tensors.NewDisposeScope();
            var a = Tensors.Zeros(2, n);
            var b = Tensors.Zeros(n + 1, 2);
            var e = Assert.ThrowsExactly<TorchException>(() => a.Matmul(b));
            Assert.Contains($"2x{n} and {n + 1}x2", e.Message);
        });
    }

    [TestMethod]
    public void UsingADisposedTensorThrowsObjectDisposedException()
    {
        var t = Tensors.Zeros(2);
        t.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => t.Sum());
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void FailedOpsLeakNoTensors()
    {
        using var a = Tensors.Zeros(2, 3);
        using var b = Tensors.Zeros(4, 5);
        long before = Tensors.SettledLiveTensorCount();
        for (int i = 0; i < 50; i++)
            Assert.ThrowsExactly<TorchException>(() => a.Matmul(b));
        Assert.AreEqual(before, Tensors.LiveTensorCount);
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void JoiningWithADisposedTensorThrowsAndKeepsTheOthersFreeable()
    {
        long before = Tensors.SettledLiveTensorCount();
        var kept = Tensors.Zeros(2);
        var disposed = Tensors.Zeros(2);
        disposed.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => Tensors.Cat([kept, disposed]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Tensors.Stack([kept, disposed]));
        kept.Dispose();
        Assert.AreEqual(before, Tensors.LiveTensorCount, "a tensor joined before the failure must still be freed");
    }

    [TestMethod]
    public void JoiningNothingIsAnError()
    {
        var e = Assert.ThrowsExactly<TorchException>(() => Tensors.Cat([]));
        Assert.Contains("expected a non-empty list of Tensors", e.Message);
    }
}
