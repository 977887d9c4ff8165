namespace TripleGain.Core.Market;

/// <summary>
/// A deterministic simulated market: 1-minute candles for BTC/USDT and XRP/USDT, and XRP/BTC derived from them.
/// <para>
/// What determines the output: the <see cref="SimulatedMarketOptions"/> alone (seed, start time, start prices and the
/// model parameters). Minute n after <see cref="SimulatedMarketOptions.Start"/> is always the same candle, on every
/// machine: the generator uses its own xoshiro256** and its own exp/log built from IEEE-754 basic operations, never
/// <see cref="Random"/> or the C library. To resume at a later time either call <see cref="SkipTo"/> on a fresh market
/// with the same options (fast: no candles are built while skipping) or persist <see cref="GetState"/> and construct
/// with it.
/// </para>
/// <para>
/// The model, per minute: a three-state regime chain (ranging, trending up, trending down; each persists for hours,
/// see the options) sets the drift (a trend of <see cref="SimulatedMarketOptions.TrendStrength"/> daily sigmas a day,
/// or a pull back to the level where ranging began) and scales the variance (ranging calmer, trending livelier);
/// each asset's variance follows GARCH(1,1) (clustering) times an intraday/weekday pattern (busier 13-17 UTC, quieter
/// at night and at weekends); shocks are Student-t (a normal pair correlated by Cholesky, divided by a shared
/// chi-square mixing variable: fat tails that strike both assets together). High and low come from the exact extremes
/// of a Brownian bridge between open and close. Volume follows the intraday pattern and grows with |return|, with
/// log-normal noise. XRP/BTC closes at XRP/USDT close / BTC/USDT close rounded to its price decimals; its high/low
/// widen by the two legs' excursions; its volume is a share of XRP/USDT's.
/// </para>
/// Prices are rounded to each pair's price decimals (half away from zero), volumes to its lot decimals; every candle
/// opens at the previous close and has high &gt;= max(open, close), low &lt;= min(open, close), low &gt; 0, volume &gt; 0.
/// Cost: a few hundred nanoseconds per minute (three candles), no allocation. Not thread-safe: one market per thread.
/// </summary>
public sealed class SimulatedMarket
{
    private const double MinutesPerYear = 365.0 * 24 * 60;
    private const double MaxRelativeVariance = 30;
    private const double RangeVarianceFactor = 0.6;
    private const double TrendVarianceFactor = 1.25;
    private const double TrendToRangeProbability = 0.75;
    private const double VolumeNoiseSigma = 0.5;
    private const double VolumeBase = 0.5;
    private const double VolumeReturnWeight = 0.5;

    // Mean of |shock| / base sigma under the default model, measured over 10 million minutes: divides the
    // return-driven part of volume so that mean volume is close to the configured mean.
    private const double MeanAbsoluteShock = 0.68;
    private const double BtcTradeSize = 0.02;
    private const double XrpTradeSize = 500;

    // UTC hour-of-day volume profile of crypto spot markets: thin in the Asian night, rising with Europe, peaking
    // around the US open. Weekends trade at WeekendVolumeFactor of weekdays. Normalized to mean 1 over the week.
    private static readonly double[] HourlyVolumeProfile =
    [
        0.85, 0.80, 0.75, 0.70, 0.65, 0.65, 0.70, 0.80, 0.95, 1.00, 1.00, 1.05,
        1.15, 1.35, 1.55, 1.50, 1.35, 1.20, 1.10, 1.05, 1.00, 0.95, 0.90, 0.85,
    ];

    private const double WeekendVolumeFactor = 0.7;

    private readonly double[] _volumeSeason = new double[168];
    private readonly double[] _varianceSeason = new double[168];
    private readonly double[] _switchProbability = new double[3];
    private readonly double[] _regimeVariance = new double[3];

    private readonly double _sigmaBtc;
    private readonly double _sigmaXrp;
    private readonly double _rho;
    private readonly double _rhoComplement;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly double _omega;
    private readonly int _halfDegrees;
    private readonly double _degreesMinusTwo;
    private readonly double _trendBtc;
    private readonly double _trendXrp;
    private readonly double _reversion;
    private readonly double _meanVolumeBtc;
    private readonly double _meanVolumeXrp;
    private readonly double _crossVolumeShare;

    private readonly byte _priceDecimalsBtc;
    private readonly byte _priceDecimalsXrp;
    private readonly byte _priceDecimalsCross;
    private readonly byte _volumeDecimalsBtc;
    private readonly byte _volumeDecimalsXrp;
    private readonly byte _volumeDecimalsCross;
    private readonly double _priceScaleBtc;
    private readonly double _priceScaleXrp;
    private readonly double _priceScaleCross;
    private readonly double _volumeScaleBtc;
    private readonly double _volumeScaleXrp;
    private readonly double _volumeScaleCross;
    private readonly long _crossNumeratorFactor;
    private readonly long _crossDenominatorFactor;

    private SimulationRandom _random;
    private long _ticks;
    private MarketRegime _regime;
    private double _logBtc;
    private double _logXrp;
    private double _varianceBtc;
    private double _varianceXrp;
    private double _anchorBtc;
    private double _anchorXrp;
    private long _closeBtc;
    private long _closeXrp;
    private long _closeCross;

    /// <summary>A market at <see cref="SimulatedMarketOptions.Start"/>, seeded by <see cref="SimulatedMarketOptions.Seed"/>.</summary>
    public SimulatedMarket(SimulatedMarketOptions options)
        : this(options, state: null)
    {
    }

    /// <summary>A market that resumes from <paramref name="state"/> (from <see cref="GetState"/> of a market with the same options).</summary>
    public SimulatedMarket(SimulatedMarketOptions options, SimulatedMarketState? state)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        var catalog = options.Catalog;
        var btc = catalog[Pair.BtcUsdt];
        var xrp = catalog[Pair.XrpUsdt];
        var cross = catalog[Pair.XrpBtc];
        _priceDecimalsBtc = (byte)btc.PriceDecimals;
        _priceDecimalsXrp = (byte)xrp.PriceDecimals;
        _priceDecimalsCross = (byte)cross.PriceDecimals;
        _volumeDecimalsBtc = (byte)btc.VolumeDecimals;
        _volumeDecimalsXrp = (byte)xrp.VolumeDecimals;
        _volumeDecimalsCross = (byte)cross.VolumeDecimals;
        _priceScaleBtc = Pow10(btc.PriceDecimals);
        _priceScaleXrp = Pow10(xrp.PriceDecimals);
        _priceScaleCross = Pow10(cross.PriceDecimals);
        _volumeScaleBtc = Pow10(btc.VolumeDecimals);
        _volumeScaleXrp = Pow10(xrp.VolumeDecimals);
        _volumeScaleCross = Pow10(cross.VolumeDecimals);

        // cross mantissa = xrp mantissa * 10^(dCross + dBtc - dXrp) / btc mantissa
        var shift = cross.PriceDecimals + btc.PriceDecimals - xrp.PriceDecimals;
        _crossNumeratorFactor = shift >= 0 ? (long)Pow10(shift) : 1;
        _crossDenominatorFactor = shift < 0 ? (long)Pow10(-shift) : 1;

        _sigmaBtc = options.BtcAnnualVolatility / Math.Sqrt(MinutesPerYear);
        _sigmaXrp = options.XrpAnnualVolatility / Math.Sqrt(MinutesPerYear);
        _rho = options.Correlation;
        _rhoComplement = Math.Sqrt(1 - (_rho * _rho));
        _alpha = options.GarchAlpha;
        _beta = options.GarchBeta;
        _omega = 1 - _alpha - _beta;
        _halfDegrees = options.ShockDegreesOfFreedom / 2;
        _degreesMinusTwo = options.ShockDegreesOfFreedom - 2;

        // a trend moves TrendStrength daily sigmas per day: per minute that is TrendStrength * sigma / sqrt(1440)
        _trendBtc = options.TrendStrength * _sigmaBtc / Math.Sqrt(1440);
        _trendXrp = options.TrendStrength * _sigmaXrp / Math.Sqrt(1440);
        _reversion = 0.6931471805599453 / (options.RangeReversionHalfLifeHours * 60);
        _meanVolumeBtc = (double)options.BtcUsdtMeanVolume;
        _meanVolumeXrp = (double)options.XrpUsdtMeanVolume;
        _crossVolumeShare = options.XrpBtcVolumeShare;

        // regime chain: ranging -> either trend (1/2 each); trend -> ranging (p) or the opposite trend (1 - p)
        var rangeMinutes = options.RangeMeanDurationHours * 60;
        var trendMinutes = options.TrendMeanDurationHours * 60;
        _switchProbability[(int)MarketRegime.Ranging] = 1 / rangeMinutes;
        _switchProbability[(int)MarketRegime.TrendingUp] = 1 / trendMinutes;
        _switchProbability[(int)MarketRegime.TrendingDown] = 1 / trendMinutes;
        var rangeWeight = TrendToRangeProbability * rangeMinutes;
        var stationaryRange = rangeWeight / (rangeWeight + trendMinutes);
        var meanFactor = (stationaryRange * RangeVarianceFactor) + ((1 - stationaryRange) * TrendVarianceFactor);
        _regimeVariance[(int)MarketRegime.Ranging] = RangeVarianceFactor / meanFactor;
        _regimeVariance[(int)MarketRegime.TrendingUp] = TrendVarianceFactor / meanFactor;
        _regimeVariance[(int)MarketRegime.TrendingDown] = TrendVarianceFactor / meanFactor;

        BuildSeasons();

        if (state is null)
        {
            _random = SimulationRandom.FromSeed(unchecked((ulong)options.Seed));
            _ticks = options.Start.Ticks;
            _regime = _random.NextOpenUnit() < stationaryRange
                ? MarketRegime.Ranging
                : (_random.NextOpenUnit() < 0.5 ? MarketRegime.TrendingUp : MarketRegime.TrendingDown);
            _logBtc = PortableMath.Log((double)options.BtcUsdtStartPrice);
            _logXrp = PortableMath.Log((double)options.XrpUsdtStartPrice);
            _anchorBtc = _logBtc;
            _anchorXrp = _logXrp;
            _varianceBtc = 1;
            _varianceXrp = 1;
            _closeBtc = ToMantissa(btc.RoundPrice(options.BtcUsdtStartPrice), btc.PriceDecimals);
            _closeXrp = ToMantissa(xrp.RoundPrice(options.XrpUsdtStartPrice), xrp.PriceDecimals);
            _closeCross = CrossMantissa(_closeXrp, _closeBtc);
        }
        else
        {
            Restore(state);
        }
    }

    public SimulatedMarketOptions Options { get; }

    /// <summary>Open time of the minute the next <see cref="Next"/> returns.</summary>
    public DateTime NextTimestamp => new(_ticks, DateTimeKind.Utc);

    /// <summary>The regime in force (the one the last generated minute was drawn in, unless it switches next minute).</summary>
    public MarketRegime Regime => _regime;

    /// <summary>Generates the next minute: the three pairs' 1-minute candles opened at <see cref="NextTimestamp"/>.</summary>
    public MarketMinute Next() => Step(build: true);

    /// <summary>
    /// Advances to <paramref name="timestampUtc"/> (rounded up to a whole minute) without building candles, leaving the
    /// market exactly as if every minute in between had been generated.
    /// </summary>
    public void SkipTo(DateTime timestampUtc)
    {
        var target = CeilingMinute(timestampUtc, nameof(timestampUtc));
        if (target < _ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(timestampUtc), timestampUtc,
                $"Cannot go back from {NextTimestamp:O} to {new DateTime(target, DateTimeKind.Utc):O}: start a new SimulatedMarket with the same options.");
        }

        if (target == _ticks)
        {
            return;
        }

        while (_ticks < target)
        {
            Step(build: false);
        }

        _closeBtc = ClampMantissa(PortableMath.Exp(_logBtc) * _priceScaleBtc);
        _closeXrp = ClampMantissa(PortableMath.Exp(_logXrp) * _priceScaleXrp);
        _closeCross = CrossMantissa(_closeXrp, _closeBtc);
    }

    /// <summary>
    /// The minutes opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), advancing this market (it skips to
    /// <paramref name="fromUtc"/> first; going back is not possible). Lazy: nothing happens until enumerated.
    /// </summary>
    public IEnumerable<MarketMinute> Generate(DateTime fromUtc, DateTime toUtc)
    {
        var from = CeilingMinute(fromUtc, nameof(fromUtc));
        var to = CeilingMinute(toUtc, nameof(toUtc));
        if (from < _ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(fromUtc), fromUtc,
                $"The market is already at {NextTimestamp:O}; it cannot generate from {fromUtc:O}. Start a new SimulatedMarket with the same options.");
        }

        return GenerateIterator(from, to);
    }

    /// <summary>The state to persist; <c>new SimulatedMarket(Options, state)</c> continues exactly from here.</summary>
    public SimulatedMarketState GetState() => new(
        NextTimestamp,
        _random.S0,
        _random.S1,
        _random.S2,
        _random.S3,
        _regime,
        _logBtc,
        _logXrp,
        _varianceBtc,
        _varianceXrp,
        _anchorBtc,
        _anchorXrp,
        ToDecimal(_closeBtc, _priceDecimalsBtc),
        ToDecimal(_closeXrp, _priceDecimalsXrp),
        ToDecimal(_closeCross, _priceDecimalsCross));

    private IEnumerable<MarketMinute> GenerateIterator(long from, long to)
    {
        SkipTo(new DateTime(from, DateTimeKind.Utc));
        while (_ticks < to)
        {
            yield return Step(build: true);
        }
    }

    private MarketMinute Step(bool build)
    {
        var ticks = _ticks;
        var hourOfWeek = (int)(ticks / TimeSpan.TicksPerHour % 168);

        // 1. regime switch (Markov chain, one draw per minute, a second one only when it switches)
        if (_random.NextOpenUnit() < _switchProbability[(int)_regime])
        {
            var choice = _random.NextOpenUnit();
            if (_regime == MarketRegime.Ranging)
            {
                _regime = choice < 0.5 ? MarketRegime.TrendingUp : MarketRegime.TrendingDown;
            }
            else if (choice < TrendToRangeProbability)
            {
                _regime = MarketRegime.Ranging;
                _anchorBtc = _logBtc;
                _anchorXrp = _logXrp;
            }
            else
            {
                _regime = _regime == MarketRegime.TrendingUp ? MarketRegime.TrendingDown : MarketRegime.TrendingUp;
            }
        }

        // 2. correlated Student-t shocks with unit variance: (z1, rho z1 + sqrt(1 - rho^2) z2) * sqrt((nu - 2) / chi2(nu))
        _random.NextGaussianPair(out var z1, out var z2);
        var chiSquare = -2.0 * LogOfUniformProduct();
        var mix = Math.Sqrt(_degreesMinusTwo / chiSquare);
        var shockBtc = mix * z1;
        var shockXrp = mix * ((_rho * z1) + (_rhoComplement * z2));

        var regimeVariance = _regimeVariance[(int)_regime];
        var seasonVariance = _varianceSeason[hourOfWeek];
        var sdBtc = _sigmaBtc * Math.Sqrt(_varianceBtc * regimeVariance * seasonVariance);
        var sdXrp = _sigmaXrp * Math.Sqrt(_varianceXrp * regimeVariance * seasonVariance);
        double driftBtc;
        double driftXrp;
        switch (_regime)
        {
            case MarketRegime.TrendingUp:
                driftBtc = _trendBtc;
                driftXrp = _trendXrp;
                break;
            case MarketRegime.TrendingDown:
                driftBtc = -_trendBtc;
                driftXrp = -_trendXrp;
                break;
            default:
                driftBtc = -_reversion * (_logBtc - _anchorBtc);
                driftXrp = -_reversion * (_logXrp - _anchorXrp);
                break;
        }

        var returnBtc = driftBtc + (sdBtc * shockBtc);
        var returnXrp = driftXrp + (sdXrp * shockXrp);

        // 3. GARCH(1,1) on the standardized shock, relative to the long-run variance (omega = 1 - alpha - beta)
        _varianceBtc = Math.Min(MaxRelativeVariance, _omega + (_varianceBtc * ((_alpha * shockBtc * shockBtc) + _beta)));
        _varianceXrp = Math.Min(MaxRelativeVariance, _omega + (_varianceXrp * ((_alpha * shockXrp * shockXrp) + _beta)));

        var openLogBtc = _logBtc;
        var openLogXrp = _logXrp;
        _logBtc += returnBtc;
        _logXrp += returnXrp;

        // 4. draws for the candle's shape; always taken so that skipping consumes the generator exactly like building
        var highDrawBtc = _random.NextOpenUnit();
        var lowDrawBtc = _random.NextOpenUnit();
        var highDrawXrp = _random.NextOpenUnit();
        var lowDrawXrp = _random.NextOpenUnit();
        _random.NextGaussianPair(out var volumeNoiseBtc, out var volumeNoiseXrp);
        var crossVolumeDraw = _random.NextOpenUnit();
        _ticks = ticks + TimeSpan.TicksPerMinute;
        if (!build)
        {
            return default;
        }

        var timestamp = new DateTime(ticks, DateTimeKind.Utc);

        // BTC/USDT and XRP/USDT: close from the log price, high/low from the Brownian bridge's extremes:
        // max of a bridge from 0 to b with variance v is (b + sqrt(b^2 - 2 v ln U)) / 2, its min (b - sqrt(...)) / 2.
        var openBtc = _closeBtc;
        var closeBtc = ClampMantissa(PortableMath.Exp(_logBtc) * _priceScaleBtc);
        var bridgeVarianceBtc = sdBtc * sdBtc * mix * mix;
        var highMoveBtc = 0.5 * (returnBtc + Math.Sqrt((returnBtc * returnBtc) - (2 * bridgeVarianceBtc * PortableMath.Log(highDrawBtc))));
        var lowMoveBtc = 0.5 * (returnBtc - Math.Sqrt((returnBtc * returnBtc) - (2 * bridgeVarianceBtc * PortableMath.Log(lowDrawBtc))));
        var highBtc = Math.Max(Math.Max(openBtc, closeBtc), ClampMantissa(PortableMath.Exp(openLogBtc + highMoveBtc) * _priceScaleBtc));
        var lowBtc = Math.Min(Math.Min(openBtc, closeBtc), ClampMantissa(PortableMath.Exp(openLogBtc + lowMoveBtc) * _priceScaleBtc));

        var openXrp = _closeXrp;
        var closeXrp = ClampMantissa(PortableMath.Exp(_logXrp) * _priceScaleXrp);
        var bridgeVarianceXrp = sdXrp * sdXrp * mix * mix;
        var highMoveXrp = 0.5 * (returnXrp + Math.Sqrt((returnXrp * returnXrp) - (2 * bridgeVarianceXrp * PortableMath.Log(highDrawXrp))));
        var lowMoveXrp = 0.5 * (returnXrp - Math.Sqrt((returnXrp * returnXrp) - (2 * bridgeVarianceXrp * PortableMath.Log(lowDrawXrp))));
        var highXrp = Math.Max(Math.Max(openXrp, closeXrp), ClampMantissa(PortableMath.Exp(openLogXrp + highMoveXrp) * _priceScaleXrp));
        var lowXrp = Math.Min(Math.Min(openXrp, closeXrp), ClampMantissa(PortableMath.Exp(openLogXrp + lowMoveXrp) * _priceScaleXrp));

        // XRP/BTC: close exactly XRP close / BTC close (rounded); high/low widened by the legs' excursions beyond
        // open/close, combined as for a difference of correlated moves (XRP up while BTC down widens the cross most).
        var openCross = _closeCross;
        var closeCross = CrossMantissa(closeXrp, closeBtc);
        var upXrp = highMoveXrp - Math.Max(0, returnXrp);
        var downXrp = Math.Min(0, returnXrp) - lowMoveXrp;
        var upBtc = highMoveBtc - Math.Max(0, returnBtc);
        var downBtc = Math.Min(0, returnBtc) - lowMoveBtc;
        var upCross = Math.Sqrt(Math.Max(0, (upXrp * upXrp) + (downBtc * downBtc) - (2 * _rho * upXrp * downBtc)));
        var downCross = Math.Sqrt(Math.Max(0, (downXrp * downXrp) + (upBtc * upBtc) - (2 * _rho * downXrp * upBtc)));
        var maxCross = Math.Max(openCross, closeCross);
        var minCross = Math.Min(openCross, closeCross);
        var highCross = Math.Max(maxCross, ClampMantissa(maxCross * PortableMath.Exp(upCross)));
        var lowCross = Math.Min(minCross, ClampMantissa(minCross * PortableMath.Exp(-downCross)));

        // volume: intraday pattern x (base + weight x |shock| / its mean) x log-normal noise with mean 1
        var season = _volumeSeason[hourOfWeek];
        var noiseMean = -0.5 * VolumeNoiseSigma * VolumeNoiseSigma;
        var activityBtc = VolumeBase + (VolumeReturnWeight * Math.Abs(returnBtc - driftBtc) / (_sigmaBtc * MeanAbsoluteShock));
        var activityXrp = VolumeBase + (VolumeReturnWeight * Math.Abs(returnXrp - driftXrp) / (_sigmaXrp * MeanAbsoluteShock));
        var volumeBtc = _meanVolumeBtc * season * activityBtc * PortableMath.Exp((VolumeNoiseSigma * volumeNoiseBtc) + noiseMean);
        var volumeXrp = _meanVolumeXrp * season * activityXrp * PortableMath.Exp((VolumeNoiseSigma * volumeNoiseXrp) + noiseMean);
        var volumeCross = volumeXrp * _crossVolumeShare * (0.5 + crossVolumeDraw);

        _closeBtc = closeBtc;
        _closeXrp = closeXrp;
        _closeCross = closeCross;

        return new MarketMinute(
            new Candle(
                timestamp,
                ToDecimal(openBtc, _priceDecimalsBtc),
                ToDecimal(highBtc, _priceDecimalsBtc),
                ToDecimal(lowBtc, _priceDecimalsBtc),
                ToDecimal(closeBtc, _priceDecimalsBtc),
                ToDecimal(ClampMantissa(volumeBtc * _volumeScaleBtc), _volumeDecimalsBtc),
                TradeCount(volumeBtc, BtcTradeSize)),
            new Candle(
                timestamp,
                ToDecimal(openXrp, _priceDecimalsXrp),
                ToDecimal(highXrp, _priceDecimalsXrp),
                ToDecimal(lowXrp, _priceDecimalsXrp),
                ToDecimal(closeXrp, _priceDecimalsXrp),
                ToDecimal(ClampMantissa(volumeXrp * _volumeScaleXrp), _volumeDecimalsXrp),
                TradeCount(volumeXrp, XrpTradeSize)),
            new Candle(
                timestamp,
                ToDecimal(openCross, _priceDecimalsCross),
                ToDecimal(highCross, _priceDecimalsCross),
                ToDecimal(lowCross, _priceDecimalsCross),
                ToDecimal(closeCross, _priceDecimalsCross),
                ToDecimal(ClampMantissa(volumeCross * _volumeScaleCross), _volumeDecimalsCross),
                TradeCount(volumeCross, XrpTradeSize)));
    }

    /// <summary>ln of a product of nu/2 uniforms (so -2 x it is chi-square with nu degrees), renormalized against underflow.</summary>
    private double LogOfUniformProduct()
    {
        var product = 1.0;
        var logSum = 0.0;
        for (var i = 0; i < _halfDegrees; i++)
        {
            product *= _random.NextOpenUnit();
            if ((i & 7) == 7)
            {
                logSum += PortableMath.Log(product);
                product = 1.0;
            }
        }

        return logSum + PortableMath.Log(product);
    }

    private long CrossMantissa(long xrpMantissa, long btcMantissa)
    {
        // round half away from zero of (xrp * numeratorFactor) / (btc * denominatorFactor), exact in integers
        var numerator = (Int128)xrpMantissa * _crossNumeratorFactor;
        var denominator = (Int128)btcMantissa * _crossDenominatorFactor;
        var quotient = ((2 * numerator) + denominator) / (2 * denominator);
        return quotient < 1 ? 1 : (long)quotient;
    }

    private void BuildSeasons()
    {
        var volumeSum = 0.0;
        for (var hour = 0; hour < 168; hour++)
        {
            // hour 0 of the week is Monday 00:00 UTC (DateTime tick 0 was a Monday)
            var weekend = hour >= 120;
            _volumeSeason[hour] = HourlyVolumeProfile[hour % 24] * (weekend ? WeekendVolumeFactor : 1.0);
            volumeSum += _volumeSeason[hour];
        }

        var varianceSum = 0.0;
        for (var hour = 0; hour < 168; hour++)
        {
            _volumeSeason[hour] *= 168 / volumeSum;

            // volatility moves with half the volume pattern's amplitude
            var volatility = 1 + (0.5 * (_volumeSeason[hour] - 1));
            _varianceSeason[hour] = volatility * volatility;
            varianceSum += _varianceSeason[hour];
        }

        for (var hour = 0; hour < 168; hour++)
        {
            _varianceSeason[hour] *= 168 / varianceSum;
        }
    }

    private void Restore(SimulatedMarketState state)
    {
        if (state.NextTimestamp.Kind == DateTimeKind.Local || state.NextTimestamp.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException($"State NextTimestamp {state.NextTimestamp:O} must be a whole UTC minute.", nameof(state));
        }

        if (!Enum.IsDefined(state.Regime))
        {
            throw new ArgumentException($"State Regime {state.Regime} is not a regime.", nameof(state));
        }

        double[] values = [state.BtcLogPrice, state.XrpLogPrice, state.BtcVariance, state.XrpVariance, state.BtcAnchor, state.XrpAnchor];
        if (values.Any(v => !double.IsFinite(v)) || state.BtcVariance <= 0 || state.XrpVariance <= 0)
        {
            throw new ArgumentException("State log prices, anchors and variances must be finite, and the variances positive.", nameof(state));
        }

        _random = new SimulationRandom(state.Rng0, state.Rng1, state.Rng2, state.Rng3);
        _ticks = state.NextTimestamp.Ticks;
        _regime = state.Regime;
        _logBtc = state.BtcLogPrice;
        _logXrp = state.XrpLogPrice;
        _varianceBtc = state.BtcVariance;
        _varianceXrp = state.XrpVariance;
        _anchorBtc = state.BtcAnchor;
        _anchorXrp = state.XrpAnchor;
        _closeBtc = StateClose(state.BtcUsdtClose, _priceDecimalsBtc, nameof(state.BtcUsdtClose));
        _closeXrp = StateClose(state.XrpUsdtClose, _priceDecimalsXrp, nameof(state.XrpUsdtClose));
        _closeCross = StateClose(state.XrpBtcClose, _priceDecimalsCross, nameof(state.XrpBtcClose));
    }

    private static long StateClose(decimal close, int decimals, string name)
    {
        if (close <= 0 || decimal.Round(close, decimals) != close)
        {
            throw new ArgumentException($"State {name} {close} must be positive with at most {decimals} decimals.", name);
        }

        return ToMantissa(close, decimals);
    }

    private static long CeilingMinute(DateTime value, string name)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"{name} {value:O} must be UTC, not local time.", name);
        }

        var remainder = value.Ticks % TimeSpan.TicksPerMinute;
        return remainder == 0 ? value.Ticks : value.Ticks - remainder + TimeSpan.TicksPerMinute;
    }

    private static long ClampMantissa(double scaled)
    {
        var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
        return rounded < 1 ? 1 : rounded > 9e17 ? 900_000_000_000_000_000 : (long)rounded;
    }

    private static int TradeCount(double volume, double tradeSize)
    {
        var trades = Math.Round(volume / tradeSize, MidpointRounding.AwayFromZero);
        return trades < 1 ? 1 : trades > int.MaxValue ? int.MaxValue : (int)trades;
    }

    private static decimal ToDecimal(long mantissa, byte scale) =>
        new((int)mantissa, (int)(mantissa >> 32), 0, isNegative: false, scale);

    private static long ToMantissa(decimal value, int decimals)
    {
        var scaled = value;
        for (var i = 0; i < decimals; i++)
        {
            scaled *= 10m;
        }

        return (long)scaled;
    }

    private static double Pow10(int exponent)
    {
        var result = 1.0;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10.0;
        }

        return result;
    }
}
