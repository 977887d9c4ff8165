using System.Net;
using TripleGain.EndToEnd.Tests.Support;

namespace TripleGain.EndToEnd.Tests;

[Collection(SiloCollection.Name)]
public sealed class AnonymousTests(SiloFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/decisions")]
    [InlineData("/approvals")]
    [InlineData("/gates")]
    [InlineData("/models")]
    [InlineData("/signin/change-password")]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/GrainState?grainId=x&grainType=y")]
    public async Task AnonymousGet_PageOrDashboard_RedirectsToSignIn(string path)
    {
        using var http = Client();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task AnonymousPost_SignOutForm_IsRefused()
    {
        using var http = Client();

        using var response = await http.PostAsync(new Uri("/signout", UriKind.Relative), Form(("x", "1")), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task AnonymousPost_SignInFormWithoutAntiforgeryToken_IsRefused()
    {
        using var http = Client();

        using var response = await http.PostAsync(new Uri("/signin", UriKind.Relative),
            Form(("_handler", "signin"), ("Input.UserName", "operator"), ("Input.Password", "whatever-password")), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnonymousPost_BlazorCircuit_IsRefused()
    {
        using var http = Client();

        using var response = await http.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task AnonymousGet_SignInHealthAndStaticAssets_AreReachable(string path)
    {
        using var http = Client();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Address };

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
