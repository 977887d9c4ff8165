namespace TripleGain.Core.Selection;

/// <summary>
/// Whether the model trading an account changes from <see cref="Current"/> to <see cref="To"/> (null when it does not),
/// and why in one sentence: the selector's reason when it switches, otherwise what stood in the way.
/// </summary>
public sealed record ModelSwitchDecision(bool Switch, string Current, string? To, string Reason);
