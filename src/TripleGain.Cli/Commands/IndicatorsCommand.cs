using System.CommandLine;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The <c>indicators</c> verb: reads a candle file and writes its indicators as CSV to stdout
/// (<c>timestamp</c>, then one column per spec output; empty while warming up). Errors: one line on stderr, exit code 1.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "Candle file: Kraken OHLCVT (no header, Unix seconds) or headered CSV timestamp,open,high,low,close,volume.",
            Required = true,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Input format: kraken or csv (default: detected from the first line).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("kraken", "csv", "auto");
        var spec = new Option<string>("--spec", "-s")
        {
            Description = $"Indicators to compute, name[:parameters] separated by commas (omitted parameters take defaults); known: {string.Join(", ", IndicatorSpec.KnownIndicators)}.",
            DefaultValueFactory = _ => IndicatorSpec.Default,
        };

        var command = new Command("indicators", "Compute technical indicators for a candle file and write them as CSV to stdout.");
        command.Options.Add(input);
        command.Options.Add(format);
        command.Options.Add(spec);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var parsedSpec = IndicatorSpec.Parse(parseResult.GetValue(spec) ?? IndicatorSpec.Default);
                var fileFormat = parseResult.GetValue(format) switch
                {
                    "kraken" => CandleFileFormat.Kraken,
                    "csv" => CandleFileFormat.Csv,
                    _ => CandleFileFormat.Auto,
                };
                var candles = CandleCsv.Read(parseResult.GetValue(input)!, fileFormat);
                IndicatorTable.WriteCsv(output, candles, parsedSpec);
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or CandleFormatException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                error.WriteLine($"indicators: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
