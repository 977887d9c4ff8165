using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace TripleGain.Silo.Services.Auth;

/// <summary>
/// The operators who may sign in, their password checks and the lock-out. Operators come from configuration
/// (<see cref="AuthSettings.Operators"/>, read-only) and from the data folder's <see cref="OperatorsFileName"/>
/// (the first-run operator and passwords changed in the UI). Passwords are checked against ASP.NET Core Identity's
/// PBKDF2 hashes; after <see cref="AuthSettings.MaxFailedAttempts"/> failures a name is locked for
/// <see cref="AuthSettings.LockoutDuration"/> (in memory: a restart lifts it). Passwords and hashes are never logged.
/// Thread-safe.
/// </summary>
public sealed partial class OperatorDirectory
{
    /// <summary>The user name of the operator created at the first start when none is configured.</summary>
    public const string FirstRunName = "operator";

    public const string OperatorsFileName = "operators.json";

    /// <summary>Holds the first-run one-time password until it is changed (then the file is deleted).</summary>
    public const string FirstRunPasswordFileName = "first-run-password.txt";

    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly PasswordHasher<OperatorAccount> hasher = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, FailureWindow> failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger<OperatorDirectory> logger;
    private readonly string dummyHash;
    private Dictionary<string, OperatorAccount> fileAccounts;
    private string? pendingAnnouncement;

    public OperatorDirectory(AuthSettings settings, TimeProvider time, ILogger<OperatorDirectory> logger)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        dummyHash = hasher.HashPassword(new OperatorAccount("-", string.Empty, false, OperatorSource.DataFolder), GeneratePassword());
        fileAccounts = ReadFile();
    }

    public string OperatorsFile => Path.Combine(settings.DataDirectory, OperatorsFileName);

    public string FirstRunPasswordFile => Path.Combine(settings.DataDirectory, FirstRunPasswordFileName);

    /// <summary>Every operator: configured ones first, then the data folder's (a configured name hides a stored one).</summary>
    public IReadOnlyList<OperatorAccount> Accounts
    {
        get
        {
            lock (gate)
            {
                return [.. settings.Operators, .. fileAccounts.Values.Where(a => !IsConfigured(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>1 to 64 letters, digits, '.', '-' or '_'.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Whether the text is an ASP.NET Core Identity v3 password hash (PBKDF2, base64).</summary>
    public static bool IsPasswordHash(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512)
        {
            return false;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= 61 && bytes[0] == 0x01;
    }

    /// <summary>Hashes a password the way the directory checks it (what <c>triplegain hash-password</c> prints).</summary>
    public static string HashPassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new PasswordHasher<OperatorAccount>().HashPassword(new OperatorAccount("-", string.Empty, false, OperatorSource.Configuration), password);
    }

    /// <summary>A random one-time password: 4 groups of 4 characters without look-alikes (l, 1, I, O, 0).</summary>
    public static string GeneratePassword()
    {
        var chars = RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 16);
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>A short fingerprint of the account's password hash: a sign-in cookie is valid only while it matches.</summary>
    public static string Stamp(OperatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.PasswordHash)), 0, 12);
    }

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? CheckNewPassword(string name, string? newPassword)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < AuthSettings.MinimumPasswordLength)
        {
            return $"The new password must have at least {AuthSettings.MinimumPasswordLength} characters.";
        }

        if (newPassword.Length > 256)
        {
            return "The new password must have at most 256 characters.";
        }

        if (!string.IsNullOrEmpty(name) && newPassword.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return "The new password must not contain the user name.";
        }

        return newPassword.Distinct().Count() < 5 ? "The new password must use at least 5 different characters." : null;
    }

    public OperatorAccount? Find(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        lock (gate)
        {
            return settings.Operators.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? fileAccounts.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// At the first start (no operator configured and none stored): creates the operator <see cref="FirstRunName"/> with
    /// a random one-time password that must be changed at the first sign-in, writes it to <see cref="FirstRunPasswordFile"/>
    /// (readable by the owner only) and keeps it for one <see cref="TakeFirstRunAnnouncement"/>. Returns whether it did.
    /// </summary>
    public bool EnsureFirstRunOperator()
    {
        lock (gate)
        {
            if (settings.Operators.Count > 0 || fileAccounts.Count > 0)
            {
                return false;
            }

            var password = GeneratePassword();
            var account = new OperatorAccount(FirstRunName, HashPassword(password), true, OperatorSource.DataFolder);
            fileAccounts = new Dictionary<string, OperatorAccount>(StringComparer.OrdinalIgnoreCase) { [FirstRunName] = account };
            WriteFile();
            WritePrivate(FirstRunPasswordFile, string.Create(CultureInfo.InvariantCulture, $"""
                TripleGain first-run sign-in (created {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC)
                user: {FirstRunName}
                one-time password: {password}
                Sign in at /signin: you must choose a new password at once; this file is deleted when you do.

                """));
            pendingAnnouncement = password;
            LogFirstRun(logger, FirstRunName, FirstRunPasswordFile);
            return true;
        }
    }

    /// <summary>The first-run one-time password, once (to print it on the console at the first start); null afterwards.</summary>
    public string? TakeFirstRunAnnouncement()
    {
        lock (gate)
        {
            var password = pendingAnnouncement;
            pendingAnnouncement = null;
            return password;
        }
    }

    /// <summary>Checks a name and password, counting failures per name and refusing a locked name without checking.</summary>
    public SignInAttempt SignIn(string? name, string? password)
    {
        var now = time.GetUtcNow();
        var key = (name ?? string.Empty).Trim();
        lock (gate)
        {
            if (failures.TryGetValue(key, out var window) && window.LockedUntil is { } until && until > now)
            {
                return new SignInAttempt(SignInOutcome.LockedOut, null, until);
            }
        }

        var account = Find(key);
        var verified = account is not null && !string.IsNullOrEmpty(password)
            && hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (account is null)
        {
            // The same work for an unknown name, so that timing does not tell which names exist.
            hasher.VerifyHashedPassword(new OperatorAccount("-", dummyHash, false, OperatorSource.DataFolder), dummyHash, password ?? string.Empty);
        }

        lock (gate)
        {
            if (verified)
            {
                failures.Remove(key);
                LogSignedIn(logger, account!.Name);
                return new SignInAttempt(SignInOutcome.Succeeded, account, null);
            }

            var current = failures.GetValueOrDefault(key) ?? new FailureWindow(0, null);
            if (current.LockedUntil is { } ended && ended <= now)
            {
                current = new FailureWindow(0, null);
            }

            var count = current.Count + 1;
            var lockedUntil = count >= settings.MaxFailedAttempts ? now + settings.LockoutDuration : (DateTimeOffset?)null;
            failures[key] = new FailureWindow(lockedUntil is null ? count : 0, lockedUntil);
            if (account is null)
            {
                LogUnknownName(logger);
            }
            else
            {
                LogFailed(logger, account.Name, count);
            }

            if (lockedUntil is { } locked)
            {
                LogLockedOut(logger, account?.Name ?? "(unknown name)", locked);
                return new SignInAttempt(SignInOutcome.LockedOut, null, locked);
            }

            return new SignInAttempt(SignInOutcome.Failed, null, null);
        }
    }

    /// <summary>
    /// Changes the password of a data-folder operator after checking the current one; clears the must-change flag and,
    /// for the first-run operator, deletes the one-time password file. Configured operators change theirs in configuration.
    /// </summary>
    public PasswordChange ChangePassword(string name, string currentPassword, string newPassword)
    {
        var account = Find(name);
        if (account is null)
        {
            return new PasswordChange(null, "Unknown operator.");
        }

        if (account.Source == OperatorSource.Configuration)
        {
            return new PasswordChange(null,
                $"The operator '{account.Name}' is configured in Auth:Operators: set a new hash there (triplegain hash-password).");
        }

        if (string.IsNullOrEmpty(currentPassword) || hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return new PasswordChange(null, "The current password is wrong.");
        }

        if (CheckNewPassword(account.Name, newPassword) is { } problem)
        {
            return new PasswordChange(null, problem);
        }

        if (newPassword == currentPassword)
        {
            return new PasswordChange(null, "The new password must differ from the current one.");
        }

        lock (gate)
        {
            var changed = account with { PasswordHash = hasher.HashPassword(account, newPassword), MustChangePassword = false };
            fileAccounts[changed.Name] = changed;
            WriteFile();
            if (string.Equals(changed.Name, FirstRunName, StringComparison.OrdinalIgnoreCase) && File.Exists(FirstRunPasswordFile))
            {
                File.Delete(FirstRunPasswordFile);
            }

            pendingAnnouncement = null;
            LogPasswordChanged(logger, changed.Name);
            return new PasswordChange(changed, null);
        }
    }

    private bool IsConfigured(string name) =>
        settings.Operators.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, OperatorAccount> ReadFile()
    {
        var accounts = new Dictionary<string, OperatorAccount>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(OperatorsFile))
        {
            return accounts;
        }

        StoredOperators? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredOperators>(File.ReadAllText(OperatorsFile), FileJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{OperatorsFile} is not valid JSON ({ex.Message}): fix or delete it (deleting it creates a new first-run operator).", ex);
        }

        foreach (var entry in stored?.Operators ?? [])
        {
            if (!IsValidName(entry.Name) || !IsPasswordHash(entry.PasswordHash))
            {
                throw new InvalidDataException($"{OperatorsFile}: the entry '{entry.Name}' needs a valid name and password hash.");
            }

            accounts[entry.Name] = new OperatorAccount(entry.Name, entry.PasswordHash, entry.MustChangePassword, OperatorSource.DataFolder);
        }

        return accounts;
    }

    private void WriteFile()
    {
        var stored = new StoredOperators([.. fileAccounts.Values.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new StoredOperator(a.Name, a.PasswordHash, a.MustChangePassword))]);
        WritePrivate(OperatorsFile, JsonSerializer.Serialize(stored, FileJson));
    }

    /// <summary>Writes a file readable by its owner only, atomically (a temporary file moved over the old one).</summary>
    private static void WritePrivate(string path, string content)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(content);
        }

        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: created the operator '{Name}' with a one-time password (see {File}); it must be changed at the first sign-in")]
    private static partial void LogFirstRun(ILogger logger, string name, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator '{Name}' signed in")]
    private static partial void LogSignedIn(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for operator '{Name}' ({Count} in a row)")]
    private static partial void LogFailed(ILogger logger, string name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for an unknown operator name (not logged: it may be a mistyped password)")]
    private static partial void LogUnknownName(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in locked for operator '{Name}' until {Until:O} after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string name, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator '{Name}' changed the password")]
    private static partial void LogPasswordChanged(ILogger logger, string name);

    private sealed record FailureWindow(int Count, DateTimeOffset? LockedUntil);

    private sealed record StoredOperators(IReadOnlyList<StoredOperator> Operators);

    private sealed record StoredOperator(string Name, string PasswordHash, bool MustChangePassword);
}
