namespace Gan.Models.Torch;

/// <summary>What <see cref="ModuleSerialization.LoadStateDictChecked"/> could not match (both lists are empty after a strict load).</summary>
/// <param name="MissingKeys">The module's keys that the source did not have (left unchanged).</param>
/// <param name="UnexpectedKeys">The source's keys that the module does not have (ignored).</param>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
