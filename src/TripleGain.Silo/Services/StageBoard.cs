using TripleGain.Core.Stages;

namespace TripleGain.Silo.Services;

/// <summary>The gates page: the market time, the global emergency stop (null when trading may go on) and every account's stage.</summary>
public sealed record StageBoard(DateTime Now, EmergencyStop? GlobalStop, IReadOnlyList<AccountStage> Accounts);
