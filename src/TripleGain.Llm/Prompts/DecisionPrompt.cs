using System.Globalization;
using Microsoft.SemanticKernel;
using TripleGain.Core.Agents;

namespace TripleGain.Llm.Prompts;

/// <summary>
/// Renders the trading agent's prompt for a <see cref="DecisionContext"/> with Semantic Kernel's template engine
/// (<c>{{$variable}}</c> syntax): the system prompt <c>system/trading-system</c> and the user prompt
/// <c>trading/decision</c> carrying the indicator snapshot, portfolio, constraints and recent decisions.
/// </summary>
/// <remarks>
/// Variable values are inserted as written (<c>AllowDangerouslySetContent</c>): the rendered text is sent as plain
/// message content and never parsed as Semantic Kernel chat-prompt XML, so there is nothing for encoding to protect.
/// </remarks>
public sealed class DecisionPrompt
{
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    private readonly Kernel _kernel = new();
    private readonly IPromptTemplate _system;
    private readonly IPromptTemplate _user;

    public DecisionPrompt(PromptLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var system = library.Get(PromptLibrary.SystemPromptName);
        var user = library.Get(PromptLibrary.DecisionPromptName);
        Name = user.Id;
        TemplateHash = PromptTemplate.Sha256($"{system.Hash}\n{user.Hash}");
        _system = Factory.Create(new PromptTemplateConfig(system.Body) { Name = system.Name, AllowDangerouslySetContent = true });
        _user = Factory.Create(new PromptTemplateConfig(user.Body) { Name = user.Name, AllowDangerouslySetContent = true });
    }

    /// <summary>"trading/decision@1".</summary>
    public string Name { get; }

    /// <summary>SHA-256 over the hashes of the system and decision template files.</summary>
    public string TemplateHash { get; }

    public async Task<RenderedPrompt> RenderAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = new KernelArguments
        {
            ["timestamp"] = ContextText.Time(context.Timestamp),
            ["pairs"] = string.Join(", ", context.Pairs),
            ["market"] = ContextText.Market(context.Market),
            ["portfolio"] = ContextText.Portfolio(context.Portfolio),
            ["constraints"] = ContextText.Constraints(context.Constraints),
            ["recent_decisions"] = ContextText.RecentDecisions(context.RecentDecisions),
            ["max_position_pct"] = context.Constraints.MaxPositionPct.ToString(CultureInfo.InvariantCulture),
        };
        var system = await _system.RenderAsync(_kernel, arguments, cancellationToken).ConfigureAwait(false);
        var user = await _user.RenderAsync(_kernel, arguments, cancellationToken).ConfigureAwait(false);
        return new RenderedPrompt(Name, TemplateHash, system.Trim(), user.Trim());
    }
}
