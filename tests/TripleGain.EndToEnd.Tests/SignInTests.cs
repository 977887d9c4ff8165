using Microsoft.Playwright;
using TripleGain.EndToEnd.Tests.Support;

namespace TripleGain.EndToEnd.Tests;

[Collection(SiloCollection.Name)]
public sealed class SignInTests(SiloFixture fixture)
{
    [Fact]
    public async Task FirstRun_SignInWithPrintedPassword_ForcesAChangeThenOpensTheOverview()
    {
        var page = await fixture.SignedInPageAsync();
        var firstRun = fixture.FirstRun.ShouldNotBeNull();

        firstRun.AnonymousLandingUrl.ShouldContain("/signin?returnUrl=%2F");
        firstRun.PasswordFileHeldIt.ShouldBeTrue();
        firstRun.MustChangeBannerShown.ShouldBeTrue();
        firstRun.DecisionsUrlBeforeChange.ShouldContain("/signin/change-password");
        firstRun.UrlAfterChange.ShouldBe(new Uri(fixture.Address, "/decisions").ToString());
        firstRun.PasswordFileLeftAfterChange.ShouldBeFalse();
        (await page.Locator("#signed-in-user").InnerTextAsync()).ShouldBe(SiloFixture.OperatorName);
        // The one-time password was printed once and is not logged again; the old one no longer signs in.
        fixture.Silo.Output.Split(firstRun.PrintedPassword).Length.ShouldBe(2);
        var again = await fixture.NewPageAsync();
        await SiloFixture.SignInAsync(again, SiloFixture.OperatorName, firstRun.PrintedPassword);
        (await again.Locator("#signin-error").InnerTextAsync()).ShouldContain("Wrong user name or password");
        await again.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksTheName()
    {
        var page = await fixture.NewPageAsync();
        for (var i = 0; i < 4; i++)
        {
            await SiloFixture.SignInAsync(page, "mallory", "not the password " + i);
            (await page.Locator("#signin-error").InnerTextAsync()).ShouldContain("Wrong user name or password");
        }

        await SiloFixture.SignInAsync(page, "mallory", "not the password either");

        (await page.Locator("#signin-error").InnerTextAsync()).ShouldContain("Too many failed attempts");
        (await page.Locator("#password").InputValueAsync()).ShouldBeEmpty();
        await Screenshots.SaveAsync(page, "09-signin-locked");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_ThenOpenAPage_GoesBackToSignIn()
    {
        var page = await fixture.SignedInPageAsync();

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/models");

        page.Url.ShouldContain("/signin?returnUrl=%2Fmodels");
        await page.Context.CloseAsync();
    }
}
