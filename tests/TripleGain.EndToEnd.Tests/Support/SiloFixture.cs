using Microsoft.Playwright;

namespace TripleGain.EndToEnd.Tests.Support;

/// <summary>
/// One real silo process (fresh data folder, first start) and one headless Chromium (Debian's /usr/bin/chromium, or
/// TRIPLEGAIN_CHROMIUM) shared by the end-to-end tests, which run one after another. The first sign-in goes through the
/// forced password change (<see cref="FirstRun"/> records what the operator saw); later sign-ins use the new password.
/// The static helpers take the silo they act on, so a test that starts a silo of its own (another configuration) signs
/// in to it the same way (<see cref="SignedInPageAsync(IBrowser, SiloProcess, string)"/>).
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public const string OperatorName = "operator";
    public const string NewPassword = "end-to-end secret 2026";

    /// <summary>The account promoted to phase 3 micro-live (supervised week 1) at start-up; the other stays in paper trading.</summary>
    public const string SupervisedAccount = "paper:baseline";

    /// <summary>
    /// Where the shared silo's simulated market (seed 42) begins: from 14:00 that day the baseline's one-hour vote says
    /// BUY BTC/USDT at every five-minute decision for 15 market hours (15 real minutes at 60x), so the supervised
    /// account's trades reach the approval queue whatever the time of day the tests run. (Starting at the real time,
    /// the market some days gave the baseline no signal for hours, and no trade reached the queue.) Found by asking
    /// the baseline on a fresh account every five minutes of January and February 2025.
    /// </summary>
    public const string ReplayStart = "2025-02-02T14:30:00Z";

    /// <summary>The account promoted to phase 2 paper trading at start-up.</summary>
    public const string PaperAccount = "paper:buy-and-hold";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly SemaphoreSlim firstRunGate = new(1, 1);
    private Exception? firstRunFailure;
    private IPlaywright? playwright;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("triplegain-e2e-").FullName;

    public SiloProcess Silo { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri Address => Silo.Address;

    /// <summary>What the first sign-in showed; null until <see cref="SignedInPageAsync"/> ran once.</summary>
    public FirstRunObservation? FirstRun { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("TRIPLEGAIN_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        // The accounts start in phase 1, where no trade is placed, so however long the set-up takes on a busy machine the
        // supervised account has used none of its phase-3 trades of the market day (5) before its week 1 begins: from
        // then on every trade of it waits for a person.
        Silo = new SiloProcess(DataDirectory, [.. SiloProcess.StartPhaseOneArguments(DataDirectory), $"--Market:ClockStart={ReplayStart}"]);
        await Silo.StartAsync(StartTimeout);
        await using (var setup = await ClusterSetup.ConnectAsync(Silo))
        {
            await setup.PromoteToPaperTradingAsync(SupervisedAccount);
            await setup.PromoteToMicroLiveAsync(SupervisedAccount);
            await setup.PromoteToPaperTradingAsync(PaperAccount);
        }

        await WaitForFirstCycleAsync(Silo);
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium is missing at {ChromiumPath}: install Debian's chromium (infra/scripts/chromium.sh) or set TRIPLEGAIN_CHROMIUM.", ChromiumPath);
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        firstRunGate.Dispose();
        if (Environment.GetEnvironmentVariable("TRIPLEGAIN_E2E_KEEP_DATA") == "1")
        {
            // For a failure's post-mortem: the journal, the Orleans database and the silo's log stay.
            await File.WriteAllTextAsync(Path.Combine(DataDirectory, "silo-output.log"), Silo?.Output ?? string.Empty);
            Console.WriteLine($"End-to-end data kept in {DataDirectory}");
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(Browser, Silo);

    /// <summary>A new page (own browser context, no cookies) whose relative addresses go to <paramref name="silo"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(silo);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = silo.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as the operator (after the first-run password change, done once), showing the overview.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        await firstRunGate.WaitAsync();
        try
        {
            if (firstRunFailure is not null)
            {
                throw new InvalidOperationException("The first-run sign-in failed earlier (see the first failing test).", firstRunFailure);
            }

            try
            {
                FirstRun ??= await FirstSignInAsync(Browser, Silo);
            }
            catch (Exception ex)
            {
                firstRunFailure = ex;
                throw;
            }
        }
        finally
        {
            firstRunGate.Release();
        }

        var page = await NewPageAsync();
        await SignInAsync(page, OperatorName, NewPassword);
        await WaitSignedInAsync(page, "sign-in with the new password");
        return page;
    }

    /// <summary>
    /// For a silo a test started itself (first start, fresh data folder): the first-run sign-in with the printed
    /// one-time password and the forced change to <see cref="NewPassword"/>, then a page signed in with it, on the overview.
    /// The first-run screenshots are saved with <paramref name="screenshotPrefix"/> before their names.
    /// </summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, SiloProcess silo, string screenshotPrefix)
    {
        ArgumentNullException.ThrowIfNull(screenshotPrefix);
        await FirstSignInAsync(browser, silo, screenshotPrefix);
        var page = await NewPageAsync(browser, silo);
        await SignInAsync(page, OperatorName, NewPassword);
        await WaitSignedInAsync(silo, page, "sign-in with the new password");
        return page;
    }

    /// <summary>
    /// Posts the sign-in form and returns once the browser shows the document the post led to (the sign-in page again
    /// with its error, or where the redirect went), so that no locator can still read the form it submitted.
    /// </summary>
    public static async Task SignInAsync(IPage page, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", name);
        await page.FillAsync("#password", password);
        await page.EvaluateAsync("() => { window.__tgSubmitted = true; }");
        await page.ClickAsync("#signin-submit");
        await WaitForNextDocumentAsync(page);
    }

    /// <summary>
    /// Waits until the page holds a new document (the window marked before a submit is gone). Waiting for a load event
    /// instead hung now and then: the redirect after the post can finish before the wait begins.
    /// </summary>
    private static async Task WaitForNextDocumentAsync(IPage page)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>("() => window.__tgSubmitted !== true"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // the old document's context went away mid-navigation: ask the new one
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No new document after the form post; the browser is at {page.Url}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the page's Blazor circuit is connected (clicks before that do nothing).</summary>
    public static Task WaitInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("#circuit-state[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>Waits for the overview after a sign-in; on failure saves a screenshot and says where the browser is.</summary>
    public Task WaitSignedInAsync(IPage page, string step, string path = "/") => WaitSignedInAsync(Silo, page, step, path);

    /// <inheritdoc cref="WaitSignedInAsync(IPage, string, string)"/>
    public static async Task WaitSignedInAsync(SiloProcess silo, IPage page, string step, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await page.WaitForURLAsync(new Uri(silo.Address, path).ToString());
            await WaitInteractiveAsync(page);
        }
        catch (TimeoutException ex)
        {
            await Screenshots.SaveAsync(page, "failed-" + step.Replace(' ', '-'));
            throw new TimeoutException($"After the {step} the browser is at {page.Url}: {await page.InnerTextAsync("body")}\nSilo output:\n{silo.Output}", ex);
        }
    }

    public async Task RestartSiloAsync()
    {
        await Silo.StopAsync();
        await Silo.StartAsync(StartTimeout);
    }

    private static async Task<FirstRunObservation> FirstSignInAsync(IBrowser browser, SiloProcess silo, string screenshotPrefix = "")
    {
        var printed = silo.PrintedFirstRunPassword() ?? throw new InvalidOperationException($"The silo printed no first-run password:\n{silo.Output}");
        var filed = await File.ReadAllTextAsync(Path.Combine(silo.DataDirectory, "first-run-password.txt"));
        var page = await NewPageAsync(browser, silo);
        var step = "open /";
        try
        {
            await page.GotoAsync("/");
            var anonymousLanding = page.Url;
            await Screenshots.SaveAsync(page, screenshotPrefix + "01-signin");

            step = "sign in with the one-time password";
            await SignInAsync(page, OperatorName, printed);
            await page.WaitForURLAsync("**/signin/change-password**");
            var mustChangeShown = await page.Locator("#must-change").IsVisibleAsync();
            await Screenshots.SaveAsync(page, screenshotPrefix + "02-change-password");

            // With the one-time password only the change-password page opens.
            step = "open /decisions before the change";
            await page.GotoAsync("/decisions");
            await page.WaitForURLAsync("**/signin/change-password**");
            var decisionsBeforeChange = page.Url;

            step = "change the password";
            await page.FillAsync("#current-password", printed);
            await page.FillAsync("#new-password", NewPassword);
            await page.FillAsync("#confirm-password", NewPassword);
            await page.ClickAsync("#change-submit");

            // The change page keeps where the operator wanted to go: the decisions page asked for above.
            await WaitSignedInAsync(silo, page, "password change", "/decisions");
            var landed = page.Url;
            return new FirstRunObservation(printed, filed.Contains(printed, StringComparison.Ordinal), anonymousLanding, mustChangeShown, decisionsBeforeChange, landed,
                File.Exists(Path.Combine(silo.DataDirectory, "first-run-password.txt")));
        }
        catch (TimeoutException ex)
        {
            await Screenshots.SaveAsync(page, screenshotPrefix + "failed-first-run");
            throw new TimeoutException($"First-run sign-in: timed out at '{step}' on {page.Url}", ex);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Waits until /health reports that a cycle completed, so that the pages have trading data to show.</summary>
    public static async Task WaitForFirstCycleAsync(SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        using var http = new HttpClient { BaseAddress = silo.Address };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative));
            if (health.Contains("completed in", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No cycle completed within {StartTimeout.TotalSeconds} s:\n{silo.Output}");
    }
}
