using Npgsql;

namespace Bot.Hub;

/// <summary>The <c>agents</c> table: find, list, create, and the configured admin.</summary>
public sealed class AgentAccountStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, username, display_name, password_hash, role, groups, disabled";

    public async Task<AgentAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM agents WHERE username = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = username });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM agents ORDER BY username");
        var items = new List<AgentAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }
        return items;
    }

    /// <summary>Adds the account; false when the username is taken.</summary>
    public async Task<bool> CreateAsync(AgentAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO agents (username, display_name, password_hash, role, groups) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (username) DO NOTHING
            """);
        AddAccount(command, account);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Creates the account, or makes an existing one an enabled admin with this password.</summary>
    public async Task UpsertAdminAsync(AgentAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO agents (username, display_name, password_hash, role, groups) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'admin', disabled = false
            """);
        AddAccount(command, account);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The usernames that should see a handoff of <paramref name="group"/>: its agents and every admin.</summary>
    public async Task<IReadOnlyList<string>> WatchersAsync(string? group, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT username FROM agents WHERE NOT disabled AND (role = 'admin' OR $1 = ANY(groups))");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)group ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static void AddAccount(NpgsqlCommand command, AgentAccount account)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = account.Username });
        command.Parameters.Add(new NpgsqlParameter { Value = account.DisplayName });
        command.Parameters.Add(new NpgsqlParameter { Value = account.PasswordHash });
        command.Parameters.Add(new NpgsqlParameter { Value = account.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = account.Groups.ToArray() });
    }

    private static AgentAccount Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetFieldValue<string[]>(5), reader.GetBoolean(6));
}
