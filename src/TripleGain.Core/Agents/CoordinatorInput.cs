using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>
/// The coordinator's input for one cycle: the risk verdicts of the cycle's decisions (each verdict carries its
/// decision; several pairs, and in <see cref="ConsensusMode.Majority"/> several models), the portfolio and prices the
/// verdicts were made against, the pair metadata, and the consensus mode. <see cref="MinAgreement"/> (0..1] is the
/// share of a pair's votes the winning action needs in majority mode. <see cref="CycleId"/> makes the idempotency keys.
/// </summary>
public sealed record CoordinatorInput(
    string CycleId,
    DateTime Timestamp,
    IReadOnlyList<RiskVerdict> Verdicts,
    PortfolioSnapshot Portfolio,
    PriceBook Prices,
    PairCatalog Catalog,
    ConsensusMode Mode = ConsensusMode.SingleModel,
    double MinAgreement = 0.5);
