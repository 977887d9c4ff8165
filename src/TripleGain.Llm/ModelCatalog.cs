using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Resilience;

namespace TripleGain.Llm;

/// <summary>
/// The LLM models of the configuration (<c>Llm:Models:&lt;id&gt;</c>), each built on its provider's SDK with the
/// resilience handler, the shared prompt, cost ledger and per-provider circuits. A model without key is present but
/// "not configured" and holds; Ollama models are "unreachable" until <see cref="ProbeAsync"/> finds the endpoint.
/// </summary>
public sealed class ModelCatalog : IDisposable
{
    public const string ModelsSection = "Llm:Models";

    private readonly List<LlmDecisionModel> _models = [];
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<string, (LlmProviderOptions Options, ModelHealth Health, string? Key)> _entries = new(StringComparer.Ordinal);
    private readonly Func<HttpMessageHandler> _transport;
    private readonly TimeProvider _time;

    /// <param name="models">The model settings.</param>
    /// <param name="secret">Looks up a key variable (ANTHROPIC_API_KEY...) in configuration, user secrets or the environment.</param>
    /// <param name="prompts">The prompt templates.</param>
    /// <param name="ledger">Where costs are recorded.</param>
    /// <param name="time">Clock for budgets, latency and resilience waits.</param>
    /// <param name="loggers">Logging; keys never reach it.</param>
    /// <param name="transport">The innermost HTTP handler (default: a new SocketsHttpHandler per model).</param>
    public ModelCatalog(
        IEnumerable<LlmProviderOptions> models,
        Func<string, string?> secret,
        PromptLibrary prompts,
        CostLedger ledger,
        TimeProvider time,
        ILoggerFactory? loggers = null,
        Func<HttpMessageHandler>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        loggers ??= NullLoggerFactory.Instance;
        _transport = transport ?? (() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _time = time;
        Costs = ledger;
        Circuits = new ProviderCircuits(time);
        var prompt = new DecisionPrompt(prompts);
        var all = models.ToList();
        var errors = all.SelectMany(m => m.Validate()).ToList();
        errors.AddRange(all.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"model id '{g.Key}' is configured {g.Count()} times"));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Invalid LLM configuration: {string.Join("; ", errors)}.");
        }

        foreach (var options in all)
        {
            var variable = options.EffectiveApiKeyVariable;
            var key = variable is null ? null : secret(variable);
            var status = InitialStatus(options, variable, key);
            var health = new ModelHealth(status);
            _entries[options.Id] = (options, health, key);
            IChatClient chat = status.State == LlmModelState.NotConfigured
                ? new UnconfiguredChatClient(options.Id)
                : CreateChatClient(options, key, health, loggers);
            _models.Add(new LlmDecisionModel(options, chat, prompt, ledger, health, time, loggers.CreateLogger<LlmDecisionModel>()));
        }
    }

    /// <summary>Every configured model, usable or not (those not usable hold).</summary>
    public IReadOnlyList<LlmDecisionModel> Models => _models;

    /// <summary>The models that would call their provider now.</summary>
    public IReadOnlyList<LlmDecisionModel> Usable => _models.Where(m => m.Status.IsUsable).ToList();

    public IReadOnlyList<LlmModelStatus> Statuses => _models.Select(m => m.Status).ToList();

    public CostLedger Costs { get; }

    public ProviderCircuits Circuits { get; }

    /// <summary>Builds the catalog from <c>Llm:Models:&lt;id&gt;</c>; keys are looked up in <paramref name="configuration"/>
    /// and then with <paramref name="environment"/> (default: the process environment).</summary>
    public static ModelCatalog FromConfiguration(
        IConfiguration configuration,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        Func<string, string?>? environment = null,
        PromptLibrary? prompts = null,
        CostLedger? ledger = null,
        Func<HttpMessageHandler>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        environment ??= Environment.GetEnvironmentVariable;
        return new ModelCatalog(
            ReadOptions(configuration),
            variable => NullIfBlank(configuration[variable]) ?? NullIfBlank(environment(variable)),
            prompts ?? PromptLibrary.Load(),
            ledger ?? new CostLedger(),
            time ?? TimeProvider.System,
            loggers,
            transport);
    }

    /// <summary>The model settings under <c>Llm:Models</c>; a section's name is the model id unless it sets <c>Id</c>.</summary>
    public static IReadOnlyList<LlmProviderOptions> ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var list = new List<LlmProviderOptions>();
        foreach (var section in configuration.GetSection(ModelsSection).GetChildren())
        {
            LlmProviderOptions options;
            try
            {
                options = section.Get<LlmProviderOptions>() ?? new LlmProviderOptions();
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"Invalid LLM configuration in {section.Path}: {ex.Message}", ex);
            }

            if (string.IsNullOrWhiteSpace(options.Id))
            {
                options.Id = section.Key;
            }

            if (options.Enabled)
            {
                list.Add(options);
            }
        }

        return list;
    }

    public LlmDecisionModel? Find(string modelId) => _models.FirstOrDefault(m => m.Id == modelId);

    /// <summary>
    /// Asks an Ollama endpoint whether it answers (GET /api/tags) and holds the model; the model becomes configured
    /// when it does and lists the model, unreachable otherwise. Other providers keep their status (no call is spent).
    /// </summary>
    public async Task<LlmModelStatus> ProbeAsync(string modelId, CancellationToken cancellationToken = default)
    {
        if (!_entries.TryGetValue(modelId, out var entry))
        {
            throw new KeyNotFoundException($"Model '{modelId}' is not configured; known: {string.Join(", ", _entries.Keys)}.");
        }

        if (entry.Options.Provider != LlmProviderKind.Ollama)
        {
            return entry.Health.Status;
        }

        using var http = new HttpClient(_transport(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Min(5, entry.Options.Timeout.TotalSeconds)));
        var url = new Uri(entry.Options.EffectiveBaseUrl, "api/tags");
        try
        {
            using var response = await http.GetAsync(url, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                entry.Health.Set(LlmModelState.Unreachable, $"{url} answered HTTP {(int)response.StatusCode}");
            }
            else
            {
                var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                entry.Health.Set(LlmModelState.Configured, ListsModel(body, entry.Options.ModelName)
                    ? $"Ollama at {entry.Options.EffectiveBaseUrl} answers"
                    : $"Ollama at {entry.Options.EffectiveBaseUrl} answers but does not list {entry.Options.ModelName} (ollama pull {entry.Options.ModelName})");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            entry.Health.Set(LlmModelState.Unreachable, $"Ollama at {entry.Options.EffectiveBaseUrl} does not answer ({ex.GetType().Name})");
        }

        return entry.Health.Status;
    }

    /// <summary>Probes every Ollama model.</summary>
    public async Task<IReadOnlyList<LlmModelStatus>> ProbeAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var id in _entries.Keys.ToList())
        {
            await ProbeAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return Statuses;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _clients.Clear();
    }

    private IChatClient CreateChatClient(LlmProviderOptions options, string? key, ModelHealth health, ILoggerFactory loggers)
    {
        var handler = new ProviderResilienceHandler(options, Circuits, health, _time, loggers.CreateLogger<ProviderResilienceHandler>(), key)
        {
            InnerHandler = _transport(),
        };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(http);
        return ChatClientFactory.Create(options, key, http);
    }

    private static LlmModelStatus InitialStatus(LlmProviderOptions options, string? variable, string? key)
    {
        if (options.Provider == LlmProviderKind.Ollama)
        {
            return new LlmModelStatus(options.Id, options.Provider, options.ModelName, LlmModelState.Unreachable,
                $"Ollama at {options.EffectiveBaseUrl} not probed yet");
        }

        return string.IsNullOrWhiteSpace(key)
            ? new LlmModelStatus(options.Id, options.Provider, options.ModelName, LlmModelState.NotConfigured, $"{variable} is not set")
            : new LlmModelStatus(options.Id, options.Provider, options.ModelName, LlmModelState.Configured, $"key from {variable}");
    }

    private static bool ListsModel(string body, string modelName)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                return true;
            }

            var bare = modelName.Contains(':', StringComparison.Ordinal) ? modelName : modelName + ":latest";
            return models.EnumerateArray().Any(m =>
                m.TryGetProperty("name", out var name) && name.GetString() is { } n
                && (n == modelName || n == bare));
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
