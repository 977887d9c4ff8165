using System.Globalization;
using Microsoft.Extensions.Configuration;
using TripleGain.Silo.Hosting;

namespace TripleGain.Silo.Services.Auth;

/// <summary>
/// Sign-in settings (configuration section <c>Auth</c>): the configured operators (<c>Auth:Operators:N:Name</c> and
/// <c>Auth:Operators:N:PasswordHash</c>, the hash printed by <c>triplegain hash-password</c>), the lock-out after
/// <see cref="MaxFailedAttempts"/> failures for <see cref="LockoutDuration"/>, and how long a sign-in lasts.
/// </summary>
public sealed record AuthSettings(
    IReadOnlyList<OperatorAccount> Operators,
    int MaxFailedAttempts,
    TimeSpan LockoutDuration,
    TimeSpan SessionLifetime,
    string DataDirectory)
{
    public const string SectionName = "Auth";
    public const int MinimumPasswordLength = 12;

    public static AuthSettings Read(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var operators = new List<OperatorAccount>();
        foreach (var child in section.GetSection("Operators").GetChildren())
        {
            var name = child["Name"];
            var hash = child["PasswordHash"];
            var key = $"{SectionName}:Operators:{child.Key}";
            if (string.IsNullOrWhiteSpace(name) || !OperatorDirectory.IsValidName(name))
            {
                throw new SiloConfigurationException($"{key}:Name", name, "must be 1 to 64 letters, digits, '.', '-' or '_'");
            }

            if (string.IsNullOrWhiteSpace(hash) || !OperatorDirectory.IsPasswordHash(hash))
            {
                // Never echo what was given: it may be a password typed in by mistake.
                throw new SiloConfigurationException($"{key}:PasswordHash", hash is null ? null : "(hidden)",
                    "must be the hash printed by 'triplegain hash-password' (never the password itself)");
            }

            if (operators.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new SiloConfigurationException($"{key}:Name", name, "names another operator already configured");
            }

            operators.Add(new OperatorAccount(name, hash, false, OperatorSource.Configuration));
        }

        return new AuthSettings(
            operators,
            ReadInt(section, "MaxFailedAttempts", 5, 1, 100),
            TimeSpan.FromMinutes(ReadInt(section, "LockoutMinutes", 15, 1, 24 * 60)),
            TimeSpan.FromHours(ReadInt(section, "SessionHours", 12, 1, 24 * 7)),
            dataDirectory);
    }

    private static int ReadInt(IConfigurationSection section, string name, int fallback, int min, int max)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new SiloConfigurationException($"{SectionName}:{name}", text, $"must be a whole number from {min} to {max}");
    }
}
