using Npgsql;

namespace Bot.Knowledge.Database;

/// <summary>Turns a <c>postgres://user:password@host:port/database?option=value</c> URL into an Npgsql connection string.</summary>
public static class PostgresConnectionString
{
    public static string Normalize(string urlOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlOrConnectionString);
        if (!urlOrConnectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !urlOrConnectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return urlOrConnectionString;
        }

        var uri = new Uri(urlOrConnectionString);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            builder[name.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : name] =
                parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "true";
        }
        return builder.ConnectionString;
    }
}
