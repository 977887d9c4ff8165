using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Models;
using TripleGain.Journal;
using TripleGain.Llm;
using TripleGain.Llm.Costs;
using TripleGain.Silo.Models;

namespace TripleGain.Silo.Hosting;

public static class ModelHostingExtensions
{
    /// <summary>
    /// Registers the models: the rule-based benchmarks plus every LLM under <c>Llm:Models:&lt;id&gt;</c> (appsettings,
    /// environment variables such as <c>Llm__Models__claude__BaseUrl</c>, user secrets, the command line; keys from
    /// ANTHROPIC_API_KEY, OPENAI_API_KEY, XAI_API_KEY, DEEPSEEK_API_KEY in configuration or the environment) as the
    /// <see cref="IModelRegistry"/> and the <see cref="IModelStatusSource"/>; the LLM cost ledger writing its daily
    /// totals to the journal; and <see cref="ModelStartup"/> (restore spend, probe Ollama, log statuses). Registered
    /// after the journal's migration, so it runs before the silo starts its cycle. A bad LLM setting throws
    /// <see cref="SiloConfigurationException"/>.
    /// </summary>
    public static WebApplicationBuilder AddTradingModels(this WebApplicationBuilder builder, JournalDatabase journal)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(journal);
        ValidateLlmSettings(builder);
        var services = builder.Services;
        services.AddSingleton<ICostStore>(new JournalCostStore(new SqlLlmSpend(journal)));
        services.AddTripleGainLlm(builder.Configuration);
        services.AddSingleton(sp => new ConfiguredModels(sp.GetRequiredService<ModelCatalog>(), sp.GetRequiredService<TradingConfig>()));
        services.AddSingleton<IModelRegistry>(sp => sp.GetRequiredService<ConfiguredModels>());
        services.AddSingleton<IModelStatusSource>(sp => sp.GetRequiredService<ConfiguredModels>());
        services.AddHostedService<ModelStartup>();
        return builder;
    }

    private static void ValidateLlmSettings(WebApplicationBuilder builder)
    {
        try
        {
            var errors = ModelCatalog.ReadOptions(builder.Configuration).SelectMany(o => o.Validate()).ToList();
            if (errors.Count > 0)
            {
                throw new SiloConfigurationException($"Configuration error: {string.Join("; ", errors)}");
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new SiloConfigurationException($"Configuration error: {ex.Message}", ex);
        }
    }
}
