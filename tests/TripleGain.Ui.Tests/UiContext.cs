using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests;

/// <summary>A bunit context with MudBlazor, a signed-in operator "alice" and fake facades (no antiforgery, no grains).</summary>
public abstract class UiContext : BunitContext
{
    protected UiContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton<IStageDesk>(Stage);
        Services.AddSingleton<IApprovalDesk>(Approvals);
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("alice");
    }

    protected FakeLiveUpdates Live { get; } = new();

    protected FakeStageDesk Stage { get; } = new();

    protected FakeApprovalDesk Approvals { get; } = new();

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Renders the page after a popover provider (MudSelect and menus need one) and returns the page.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        // Rendered as on the server before the circuit: pages start no timers.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: false));
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(3);
            builder.CloseComponent();
        });
        Host = host;
        return host.FindComponent<TPage>();
    }

    /// <summary>The render tree of the last <see cref="RenderPage{TPage}"/>: dialogs and snackbars render here, outside the page.</summary>
    protected IRenderedComponent<IComponent>? Host { get; private set; }

    /// <summary>Types into the open dialog's text field and presses its confirm button.</summary>
    protected void ConfirmDialog(string text)
    {
        var host = Host ?? throw new InvalidOperationException("Render a page first.");
        host.WaitForAssertion(() => host.Find("#dialog-confirm"));
        host.Find("#dialog-reason").Input(text);
        host.Find("#dialog-confirm").Click();
    }
}
