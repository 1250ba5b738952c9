using System.Globalization;
using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// An OpenSSH server log in the layout of loghub's OpenSSH sample (<c>Dec 10 06:55:46 LabSZ sshd[24200]: …</c>): users
/// logging in and out from a few dozen addresses, a few stray scanners, and one client that tries hundreds of
/// passwords, writing about 870 of the 2,000 lines. Each connection has its own pid, as sshd forks one per connection.
/// </summary>
public static class SshdLog
{
    public const string Attacker = "173.234.31.186";

    public static string Generate(int lines = 2_000, int seed = 10)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var time = new DateTime(2026, 12, 10, 6, 55, 46);
        var pid = 24_200;
        var written = 0;
        string[] users = ["fztu", "curi", "hxu", "jmzhu", "wlin", "yxli", "zqi", "pchen"];
        string[] guesses = ["admin", "test", "oracle", "ubuntu", "guest", "postgres", "git", "user", "support", "webmaster", "root"];
        void Write(int connection, string message)
        {
            time = time.AddSeconds(random.Next(0, 3));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss}"))
                .Append(" LabSZ sshd[").Append(connection).Append("]: ").Append(message).Append('\n');
            written++;
        }

        while (written < lines)
        {
            var connection = pid++;
            var roll = random.NextDouble();
            if (roll < 0.45)
            {
                // The brute force: an invalid user or root, a failed password, a disconnect.
                var guess = guesses[random.Next(guesses.Length)];
                var port = random.Next(30_000, 60_000);
                if (guess == "root")
                {
                    Write(connection, $"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={Attacker}  user=root");
                    Write(connection, $"Failed password for root from {Attacker} port {port} ssh2");
                }
                else
                {
                    Write(connection, $"Invalid user {guess} from {Attacker}");
                    Write(connection, $"input_userauth_request: invalid user {guess} [preauth]");
                    Write(connection, $"Failed password for invalid user {guess} from {Attacker} port {port} ssh2");
                }

                Write(connection, $"Received disconnect from {Attacker}: 11: Bye Bye [preauth]");
            }
            else if (roll < 0.93)
            {
                var user = users[random.Next(users.Length)];
                var address = $"119.137.{random.Next(60, 64)}.{random.Next(1, 250)}";
                Write(connection, $"Accepted password for {user} from {address} port {random.Next(30_000, 60_000)} ssh2");
                Write(connection, $"pam_unix(sshd:session): session opened for user {user} by (uid=0)");
                Write(connection, $"Received disconnect from {address}: 11: disconnected by user");
                Write(connection, $"pam_unix(sshd:session): session closed for user {user}");
            }
            else
            {
                var address = $"{random.Next(20, 220)}.{random.Next(0, 255)}.{random.Next(0, 255)}.{random.Next(1, 250)}";
                Write(connection, $"Connection closed by {address} [preauth]");
            }
        }

        return text.ToString();
    }
}
