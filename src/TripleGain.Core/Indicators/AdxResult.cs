namespace TripleGain.Core.Indicators;

/// <summary>Directional movement at one candle: +DI, -DI, DX, ADX and ADXR = (ADX + ADX n bars ago) / 2; null while warming up.</summary>
public sealed record AdxResult(DateTime Timestamp, double? Pdi, double? Mdi, double? Dx, double? Adx, double? Adxr);
