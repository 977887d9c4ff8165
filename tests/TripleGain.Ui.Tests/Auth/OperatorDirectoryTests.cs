using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TripleGain.Cli;
using TripleGain.Cli.Commands;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Services.Auth;

namespace TripleGain.Ui.Tests.Auth;

public sealed class OperatorDirectoryTests : IDisposable
{
    private readonly TempFolder data = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => data.Dispose();

    [Fact]
    public void EnsureFirstRunOperator_NothingConfigured_CreatesOperatorWithOneTimePasswordFile()
    {
        var directory = Create();

        directory.EnsureFirstRunOperator().ShouldBeTrue();

        var account = directory.Find("operator").ShouldNotBeNull();
        account.MustChangePassword.ShouldBeTrue();
        var password = directory.TakeFirstRunAnnouncement().ShouldNotBeNull();
        password.Length.ShouldBeGreaterThanOrEqualTo(AuthSettings.MinimumPasswordLength);
        directory.TakeFirstRunAnnouncement().ShouldBeNull();
        File.ReadAllText(directory.FirstRunPasswordFile).ShouldContain(password);
        File.ReadAllText(directory.OperatorsFile).ShouldNotContain(password);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(directory.FirstRunPasswordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        directory.SignIn("operator", password).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void EnsureFirstRunOperator_SecondStart_KeepsTheStoredOperatorAndPrintsNothing()
    {
        var first = Create();
        first.EnsureFirstRunOperator();
        var password = first.TakeFirstRunAnnouncement()!;

        var second = Create();

        second.EnsureFirstRunOperator().ShouldBeFalse();
        second.TakeFirstRunAnnouncement().ShouldBeNull();
        second.SignIn("operator", password).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void EnsureFirstRunOperator_OperatorConfigured_CreatesNone()
    {
        var directory = Create(("alice", OperatorDirectory.HashPassword("alice-password-1")));

        directory.EnsureFirstRunOperator().ShouldBeFalse();

        directory.Find("operator").ShouldBeNull();
        File.Exists(directory.FirstRunPasswordFile).ShouldBeFalse();
        directory.SignIn("alice", "alice-password-1").Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Theory]
    [InlineData("alice", "wrong-password-1")]
    [InlineData("nobody", "alice-password-1")]
    [InlineData("alice", "")]
    public void SignIn_WrongNameOrPassword_Fails(string name, string password)
    {
        var directory = Create(("alice", OperatorDirectory.HashPassword("alice-password-1")));

        var attempt = directory.SignIn(name, password);

        attempt.Outcome.ShouldBe(SignInOutcome.Failed);
        attempt.Account.ShouldBeNull();
    }

    [Fact]
    public void SignIn_RepeatedFailures_LocksTheNameEvenForTheRightPasswordUntilTheLockoutEnds()
    {
        var directory = Create(("alice", OperatorDirectory.HashPassword("alice-password-1")));
        for (var i = 0; i < 4; i++)
        {
            directory.SignIn("alice", "wrong").Outcome.ShouldBe(SignInOutcome.Failed);
        }

        var fifth = directory.SignIn("ALICE", "wrong");

        fifth.Outcome.ShouldBe(SignInOutcome.LockedOut);
        fifth.LockedUntil.ShouldBe(time.GetUtcNow().AddMinutes(15));
        directory.SignIn("alice", "alice-password-1").Outcome.ShouldBe(SignInOutcome.LockedOut);
        time.Advance(TimeSpan.FromMinutes(15));
        directory.SignIn("alice", "alice-password-1").Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void SignIn_SuccessAfterFailures_ResetsTheCount()
    {
        var directory = Create(("alice", OperatorDirectory.HashPassword("alice-password-1")));
        for (var i = 0; i < 4; i++)
        {
            directory.SignIn("alice", "wrong");
        }

        directory.SignIn("alice", "alice-password-1").Outcome.ShouldBe(SignInOutcome.Succeeded);

        for (var i = 0; i < 4; i++)
        {
            directory.SignIn("alice", "wrong").Outcome.ShouldBe(SignInOutcome.Failed);
        }
    }

    [Fact]
    public void ChangePassword_FirstRunOperator_ClearsMustChangeDeletesFileAndInvalidatesOldStamp()
    {
        var directory = Create();
        directory.EnsureFirstRunOperator();
        var oneTime = directory.TakeFirstRunAnnouncement()!;
        var before = directory.Find("operator")!;

        var change = directory.ChangePassword("operator", oneTime, "my own long secret");

        change.Succeeded.ShouldBeTrue();
        change.Account!.MustChangePassword.ShouldBeFalse();
        File.Exists(directory.FirstRunPasswordFile).ShouldBeFalse();
        OperatorDirectory.Stamp(change.Account).ShouldNotBe(OperatorDirectory.Stamp(before));
        directory.SignIn("operator", oneTime).Outcome.ShouldBe(SignInOutcome.Failed);
        Create().SignIn("operator", "my own long secret").Account!.MustChangePassword.ShouldBeFalse();
    }

    [Theory]
    [InlineData("wrong current", "my own long secret", "current password is wrong")]
    [InlineData(null, "short", "at least 12")]
    [InlineData(null, "operator-is-my-name", "must not contain the user name")]
    [InlineData(null, "aaaaaaaaaaaaaaaa", "5 different characters")]
    public void ChangePassword_BadInput_IsRefusedAndChangesNothing(string? current, string next, string error)
    {
        var directory = Create();
        directory.EnsureFirstRunOperator();
        var oneTime = directory.TakeFirstRunAnnouncement()!;

        var change = directory.ChangePassword("operator", current ?? oneTime, next);

        change.Succeeded.ShouldBeFalse();
        change.Error.ShouldNotBeNull().ShouldContain(error);
        directory.Find("operator")!.MustChangePassword.ShouldBeTrue();
        directory.SignIn("operator", oneTime).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void ChangePassword_ConfiguredOperator_IsRefused()
    {
        var directory = Create(("alice", OperatorDirectory.HashPassword("alice-password-1")));

        var change = directory.ChangePassword("alice", "alice-password-1", "another long secret");

        change.Error.ShouldNotBeNull().ShouldContain("Auth:Operators");
    }

    [Fact]
    public async Task HashPasswordCommand_PasswordOnStdin_PrintsAHashTheSiloAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = CliApp.BuildRootCommand();
        root.Subcommands.Remove(root.Subcommands.Single(c => c.Name == "hash-password"));
        root.Subcommands.Add(HashPasswordCommand.Create(new StringReader("a long operator secret\n")));

        var code = await root.Parse(["hash-password", "--name", "bob"]).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Xunit.TestContext.Current.CancellationToken);

        code.ShouldBe(0);
        var hash = output.ToString().Trim();
        OperatorDirectory.IsPasswordHash(hash).ShouldBeTrue();
        output.ToString().ShouldNotContain("a long operator secret");
        error.ToString().ShouldNotContain("a long operator secret");
        Create(("bob", hash)).SignIn("bob", "a long operator secret").Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task HashPasswordCommand_ShortPassword_FailsWithTheRule()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = HashPasswordCommand.Create(new StringReader("short\n"));

        var code = await command.Parse([]).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Xunit.TestContext.Current.CancellationToken);

        code.ShouldBe(1);
        output.ToString().ShouldBeEmpty();
        error.ToString().ShouldContain("needs at least 12");
    }

    [Fact]
    public void AuthSettingsRead_PasswordInsteadOfHash_FailsWithoutEchoingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Operators:0:Name"] = "alice",
            ["Auth:Operators:0:PasswordHash"] = "plain-text-password",
        }).Build();

        var ex = Should.Throw<SiloConfigurationException>(() => AuthSettings.Read(configuration, data.Path));

        ex.Message.ShouldContain("Auth:Operators:0:PasswordHash");
        ex.Message.ShouldNotContain("plain-text-password");
    }

    [Fact]
    public void AuthSettingsRead_BadName_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Operators:0:Name"] = "a b",
            ["Auth:Operators:0:PasswordHash"] = OperatorDirectory.HashPassword("alice-password-1"),
        }).Build();

        Should.Throw<SiloConfigurationException>(() => AuthSettings.Read(configuration, data.Path)).Message.ShouldContain("Auth:Operators:0:Name");
    }

    [Theory]
    [InlineData("/decisions?x=1", "/decisions?x=1")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/signin", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_AnyInput_StaysLocal(string? returnUrl, string expected) =>
        TripleGain.Silo.Components.Pages.SignIn.SafeReturnUrl(returnUrl).ShouldBe(expected);

    private OperatorDirectory Create(params (string Name, string Hash)[] configured) =>
        new(
            new AuthSettings(
                [.. configured.Select(c => new OperatorAccount(c.Name, c.Hash, false, OperatorSource.Configuration))],
                5,
                TimeSpan.FromMinutes(15),
                TimeSpan.FromHours(12),
                data.Path),
            time,
            NullLogger<OperatorDirectory>.Instance);
}
