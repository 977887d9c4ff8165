namespace TripleGain.Core.Agents;

/// <summary>How the coordinator merges the decisions of one cycle.</summary>
public enum ConsensusMode
{
    /// <summary>One model's decisions, at most one per pair, executed as its risk verdicts allow.</summary>
    SingleModel = 0,

    /// <summary>Several models vote per pair: the action with the most votes wins when it is the only one with that
    /// many and its share of the votes reaches the minimum agreement; otherwise (ties included) the pair holds.</summary>
    Majority = 1,
}
