namespace Gan.Torch.Native;

/// <summary>Op codes of gan_binary and gan_binary_scalar (gan_native.h).</summary>
internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Eq = 5, Ne = 6, Lt = 7, Le = 8, Gt = 9, Ge = 10,
    Maximum = 11, Minimum = 12, Remainder = 13, LogicalAnd = 14, LogicalOr = 15, ReverseSub = 16,
}

/// <summary>Op codes of gan_unary (gan_native.h).</summary>
internal enum UnaryOp
{
    Neg = 0, Exp = 1, Log = 2, Sqrt = 3, Abs = 4, Relu = 5, Tanh = 6, Sigmoid = 7, Sign = 8, Floor = 9,
    Ceil = 10, Round = 11, Reciprocal = 12, Square = 13, Rsqrt = 14, Log1p = 15, Sin = 16, Cos = 17,
    LogicalNot = 18, IsNaN = 19, IsInf = 20, Softplus = 21, Expm1 = 22,
}

/// <summary>Op codes of gan_reduce (gan_native.h).</summary>
internal enum ReduceOp
{
    Sum = 0, Mean = 1, Prod = 2, Amax = 3, Amin = 4, Std = 5, Var = 6, Norm = 7, LogSumExp = 8, All = 9, Any = 10,
}
