using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Silo.Services;

/// <summary>
/// A trade waiting for a person (or recently decided): pair, side, volume and size in USD, the price when queued and
/// now, the model and its reasoning, the risk verdict at queue time, the rule that asked for approval, and the expiry
/// (market time). <see cref="Verdict"/> is the risk outcome at queue time ("Approved", "Resized"), <see cref="VerdictReason"/> why. Once decided: by whom, when, the comment and what came of it. <see cref="LastRefusal"/>: why the
/// latest approve was refused (the trade then stays pending).
/// </summary>
public sealed record ApprovalRow(
    long Id,
    string AccountId,
    string Model,
    Pair Pair,
    OrderSide Side,
    decimal Volume,
    decimal NotionalUsd,
    decimal PriceThen,
    decimal? PriceNow,
    string Reasoning,
    string Verdict,
    string VerdictReason,
    string Rule,
    DateTime RequestedAt,
    DateTime ExpiresAt,
    string Status,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Comment,
    string? Outcome,
    string? LastRefusal);
