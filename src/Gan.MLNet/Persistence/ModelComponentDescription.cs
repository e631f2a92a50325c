namespace Gan.MLNet;

/// <summary>One component of a model zip.</summary>
/// <param name="Id">Its id in the manifest.</param>
/// <param name="Kind">Its kind, as registered in <see cref="ModelComponentRegistry"/>.</param>
/// <param name="OptionsJson">Its options as saved, compact JSON.</param>
public sealed record ModelComponentDescription(int Id, string Kind, string OptionsJson);
