using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TripleGain.Grains;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Models;
using TripleGain.Journal;

namespace TripleGain.Silo.Hosting;

public static class GrainServicesExtensions
{
    /// <summary>
    /// What every silo that hosts TripleGain grains needs, whatever its storage: grain state serialized with
    /// System.Text.Json (for every storage provider), Core's domain records carried between grains with System.Text.Json
    /// (<see cref="CoreSerialization"/>), a <see cref="TimeProvider"/>, the <see cref="CycleHealth"/> and the model
    /// switch's <see cref="IModelCandidateSource"/> (the paper accounts' records).
    /// The silo and the test clusters both call this; the storage named <c>StorageNames.Grains</c> is added beside it.
    /// </summary>
    public static ISiloBuilder AddTripleGainGrainServices(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddCoreSerialization();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<CycleHealth>();
        // Built on first use (by the account model grain) from the journal the host registers: test clusters without a
        // journal still start, as long as they never ask for candidates.
        silo.Services.TryAddSingleton<IModelCandidateSource>(services =>
            new PaperAccountCandidates(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<IDecisionJournal>()));
        return silo;
    }
}
