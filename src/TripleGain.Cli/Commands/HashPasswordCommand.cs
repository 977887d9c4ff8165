using System.CommandLine;
using Microsoft.AspNetCore.Identity;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The <c>hash-password</c> verb: reads an operator's password from standard input (one line; never from the command
/// line, where it would stay in the shell history) and prints its PBKDF2 hash (ASP.NET Core Identity v3 format, the one
/// the silo checks) for the configuration <c>Auth:Operators:N:PasswordHash</c>. The password itself is never printed.
/// </summary>
public static class HashPasswordCommand
{
    /// <summary>The shortest password accepted (the silo's rule for new passwords).</summary>
    public const int MinimumLength = 12;

    /// <param name="input">Where the password is read from; standard input when null.</param>
    public static Command Create(TextReader? input = null)
    {
        var name = new Option<string>("--name", "-n")
        {
            Description = "The operator's user name, used only in the configuration lines printed to stderr.",
            DefaultValueFactory = _ => "alice",
        };
        var command = new Command(
            "hash-password",
            "Read an operator password from stdin (one line) and print its hash for Auth:Operators:N:PasswordHash.");
        command.Options.Add(name);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var reader = input ?? Console.In;
            if (input is null && !Console.IsInputRedirected)
            {
                error.Write("Password (not shown): ");
            }

            var password = input is null && !Console.IsInputRedirected ? ReadHidden() : reader.ReadLine();
            if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            {
                error.WriteLine($"hash-password: the password read from stdin has {password?.Length ?? 0} characters: it needs at least {MinimumLength}.");
                return 1;
            }

            var operatorName = parseResult.GetValue(name) ?? "alice";
            var hash = new PasswordHasher<string>().HashPassword(operatorName, password);
            output.WriteLine(hash);
            error.WriteLine("Configure the silo with it, e.g. in the environment:");
            error.WriteLine($"  Auth__Operators__0__Name={operatorName}");
            error.WriteLine("  Auth__Operators__0__PasswordHash=<the line above>");
            return 0;
        });
        return command;
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
