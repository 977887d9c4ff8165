using System.Globalization;

namespace TripleGain.Core.Stages;

/// <summary>Checks a <see cref="PhaseGate"/> against the silo's <see cref="GateInputs"/> and the persons' <see cref="ManualTick"/>s.</summary>
public static class GateEvaluator
{
    /// <summary>
    /// Per criterion: the live value, the threshold and pass / fail / unknown (unknown when the value is missing); per
    /// manual item: its tick. Ticks of other gates are ignored; of several ticks of one item the latest counts.
    /// Throws when the inputs are not valid (<see cref="GateInputs.Validate"/>) or a tick has no person or a local time.
    /// </summary>
    public static GateEvaluation Evaluate(PhaseGate gate, GateInputs inputs, IReadOnlyCollection<ManualTick> manualTicks)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(manualTicks);
        inputs.Validate();

        var latest = new Dictionary<string, ManualTick>(StringComparer.Ordinal);
        var index = 0;
        foreach (var tick in manualTicks)
        {
            if (tick is null || string.IsNullOrWhiteSpace(tick.By) || tick.At.Kind == DateTimeKind.Local)
            {
                throw new ArgumentException(
                    $"manualTicks[{index}] ({tick?.GateId}/{tick?.ItemId}) needs the person who ticked it and a UTC time.", nameof(manualTicks));
            }

            if (tick.GateId == gate.Id && (!latest.TryGetValue(tick.ItemId, out var seen) || tick.At >= seen.At))
            {
                latest[tick.ItemId] = tick;
            }

            index++;
        }

        var criteria = gate.Criteria.Select(c => Check(c, inputs)).ToArray();
        var items = gate.ManualItems.Select(item => new ManualItemResult(item, latest.GetValueOrDefault(item.Id))).ToArray();
        return new GateEvaluation(gate, criteria, items);
    }

    private static CriterionResult Check(GateCriterion criterion, GateInputs inputs)
    {
        var sign = criterion.Comparison == GateComparison.AtLeast ? ">=" : "<=";
        var threshold = GateValueFormat.Format(criterion.Metric, criterion.Threshold);
        if (criterion.Metric == GateMetric.ProfitFactor && inputs.ProfitFactorUnbounded)
        {
            var passes = criterion.Comparison == GateComparison.AtLeast;
            return new CriterionResult(
                criterion,
                null,
                passes ? GateCheckStatus.Pass : GateCheckStatus.Fail,
                $"{criterion.Id} unbounded (no losing trade) {sign} {threshold}: {(passes ? "pass" : "fail")}");
        }

        var value = inputs.ValueOf(criterion.Metric);
        if (value is not { } v)
        {
            return new CriterionResult(criterion, null, GateCheckStatus.Unknown, $"{criterion.Id} not measured yet (needs {sign} {threshold}): unknown");
        }

        var pass = criterion.Comparison == GateComparison.AtLeast ? v >= criterion.Threshold : v <= criterion.Threshold;
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{criterion.Id} {GateValueFormat.Format(criterion.Metric, v)} {sign} {threshold}: {(pass ? "pass" : "fail")}");
        return new CriterionResult(criterion, v, pass ? GateCheckStatus.Pass : GateCheckStatus.Fail, detail);
    }
}
