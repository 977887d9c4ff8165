using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Prompts;

namespace TripleGain.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="ModelCatalog"/> built from <c>Llm:Models</c> of <paramref name="configuration"/>, the
    /// <see cref="CostLedger"/> (writing to the registered <see cref="ICostStore"/>, if any) and the <see cref="PromptLibrary"/> (from the prompts/ folder beside the assembly), plus
    /// <see cref="TimeProvider.System"/> unless a TimeProvider is registered. Keys come from configuration (user secrets,
    /// environment variables added to it) or the process environment.
    /// </summary>
    public static IServiceCollection AddTripleGainLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CostLedger(sp.GetService<ICostStore>(), sp.GetService<ILogger<CostLedger>>()));
        services.TryAddSingleton(_ => PromptLibrary.Load());
        services.TryAddSingleton(sp => ModelCatalog.FromConfiguration(
            configuration,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            prompts: sp.GetRequiredService<PromptLibrary>(),
            ledger: sp.GetRequiredService<CostLedger>()));
        return services;
    }
}
