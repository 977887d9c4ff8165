using TripleGain.Core.Indicators;

namespace TripleGain.Core.Tests.Indicators;

public sealed class IndicatorSpecTests
{
    [Fact]
    public void Parse_DefaultSpec_NamesTheColumnsOfTheIssue()
    {
        var spec = IndicatorSpec.Parse(IndicatorSpec.Default);
        spec.Columns.ShouldBe(
        [
            "ema_9", "ema_21", "ema_50", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9", "roc_12",
            "adx_14", "pdi_14", "mdi_14", "atr_14", "bb_upper_20_2", "bb_middle_20_2", "bb_lower_20_2", "bb_pctb_20_2",
            "bb_width_20_2", "kc_upper_20_2_10", "kc_middle_20_2_10", "kc_lower_20_2_10", "obv", "vwap", "vma_ratio_20",
        ]);
        spec.Items.Count.ShouldBe(13);
        spec.Items[4].Indicator.ShouldBe("macd");
        spec.Items[4].Parameters.ShouldBe([12.0, 26.0, 9.0]);
    }

    [Theory]
    [InlineData("EMA:7", "ema_7")]
    [InlineData(" sma:3 ", "sma_3")]
    [InlineData("rsi", "rsi_14")]
    [InlineData("roc", "roc_12")]
    [InlineData("bb:10:2.5", "bb_upper_10_2.5,bb_middle_10_2.5,bb_lower_10_2.5,bb_pctb_10_2.5,bb_width_10_2.5")]
    [InlineData("bb:30", "bb_upper_30_2,bb_middle_30_2,bb_lower_30_2,bb_pctb_30_2,bb_width_30_2")]
    [InlineData("kc:10:1.5:5", "kc_upper_10_1.5_5,kc_middle_10_1.5_5,kc_lower_10_1.5_5")]
    [InlineData("macd:5:35", "macd_5_35_9,macd_signal_5_35_9,macd_hist_5_35_9")]
    [InlineData("vma:50", "vma_ratio_50")]
    [InlineData("adx:7,atr:7", "adx_7,pdi_7,mdi_7,atr_7")]
    public void Parse_AnyPeriods_NamesColumnsAfterTheParameters(string text, string columns)
    {
        IndicatorSpec.Parse(text).Columns.ShouldBe(columns.Split(','));
    }

    [Theory]
    [InlineData("foo:3", "spec item 'foo:3': unknown indicator 'foo'; known: ema, sma, rsi, macd, roc, adx, atr, bb, kc, obv, vwap, vma.")]
    [InlineData("ema:x", "spec item 'ema:x': ema period 'x' is not a whole number.")]
    [InlineData("ema:2.5", "spec item 'ema:2.5': ema period '2.5' is not a whole number.")]
    [InlineData("bb:20:two", "spec item 'bb:20:two': bb standard deviations 'two' is not a number.")]
    [InlineData("ema:0", "spec item 'ema:0': EMA period must be at least 1, was 0.")]
    [InlineData("macd:26:12:9", "spec item 'macd:26:12:9': MACD slowPeriod must be greater than fastPeriod (26), was 12.")]
    [InlineData("bb:20:-1", "spec item 'bb:20:-1': Bollinger Bands standardDeviations must be a finite number greater than 0, was -1.")]
    [InlineData("obv:3", "spec item 'obv:3': obv takes at most 0 parameter(s) (none), got 1.")]
    [InlineData("ema:9:3", "spec item 'ema:9:3': ema takes at most 1 parameter(s) (period), got 2.")]
    [InlineData("ema:9,,rsi", "indicator spec item 2 is empty (in 'ema:9,,rsi'); items are separated by single commas.")]
    [InlineData("ema:9,ema:9", "spec item 'ema:9': column 'ema_9' is already in the spec.")]
    [InlineData("  ", "indicator spec is empty; give items like 'ema:9,ema:21,ema:50,rsi:14,macd:12:26:9,roc:12,adx:14,atr:14,bb:20:2,kc:20:2:10,obv,vwap,vma:20'.")]
    public void Parse_BadSpec_ThrowsOneClearLine(string text, string message)
    {
        var ex = Should.Throw<FormatException>(() => IndicatorSpec.Parse(text));
        ex.Message.ShouldBe(message);
    }

    [Fact]
    public void Compute_Spec_RowsEqualTheIndividualIndicators()
    {
        var candles = RandomCandles.Generate(500, 12, 100m, 2);
        var spec = IndicatorSpec.Parse("ema:5,macd:3:6:4,bb:10:1.5,vwap,sma:4");
        var rows = IndicatorTable.Compute(candles, spec).ToList();

        rows.Count.ShouldBe(500);
        rows.Select(r => r.Timestamp).ShouldBe(candles.Select(c => c.Timestamp));
        rows.Select(r => r.Values[0]).ShouldBe(candles.ToEma(5).Select(r => r.Ema));
        rows.Select(r => r.Values[3]).ShouldBe(candles.ToMacd(3, 6, 4).Select(r => r.Histogram));
        var bb = candles.ToBollingerBands(10, 1.5);
        SeriesComparison.Differences("%b", bb.Select(r => r.PercentB).ToList(), rows.Select(r => r.Values[7]).ToList()).ShouldBeEmpty();
        SeriesComparison.Differences("width", bb.Select(r => r.Width).ToList(), rows.Select(r => r.Values[8]).ToList()).ShouldBeEmpty();
        rows.Select(r => r.Values[9]).ShouldBe(candles.ToVwap(VwapAnchor.UtcDay).Select(r => r.Vwap));
        SeriesComparison.Differences("sma", candles.ToSma(4).Select(r => r.Sma).ToList(), rows.Select(r => r.Values[10]).ToList()).ShouldBeEmpty();
    }

    [Fact]
    public void WriteCsv_Candles_WritesHeaderRoundTripValuesAndBlankWarmup()
    {
        var candles = RandomCandles.Generate(30, 13, 100m, 2);
        using var writer = new StringWriter();
        var rows = IndicatorTable.WriteCsv(writer, candles, IndicatorSpec.Parse("ema:3,obv"));

        rows.ShouldBe(30);
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(31);
        lines[0].ShouldBe("timestamp,ema_3,obv");
        lines[1].ShouldBe("2024-01-01T21:00:00Z,,0");
        lines[2].ShouldStartWith("2024-01-01T21:01:00Z,,");
        var cells = lines[3].Split(',');
        cells[0].ShouldBe("2024-01-01T21:02:00Z");
        double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(candles.ToEma(3)[2].Ema!.Value);
        double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(candles.ToObv()[2].Obv);
    }
}
