namespace TripleGain.Core.Stages;

/// <summary>
/// One change of a <see cref="StageStatus"/>: from which position to which (equal for pause, resume and the emergency
/// stop), what kind, why, who ("system" for the automatic rollback rules) and when (UTC).
/// </summary>
public sealed record StageTransition(
    StagePosition From,
    StagePosition To,
    TransitionKind Kind,
    string Reason,
    string By,
    DateTime At);
