using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Database;

/// <summary>Where the PostgreSQL database is: <c>Database:ConnectionString</c>, or else <c>DATABASE_URL</c> (a postgres:// URL or a connection string).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [Required(ErrorMessage = "Set DATABASE_URL or Database:ConnectionString (the Makefile starts a private cluster and sets DATABASE_URL).")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
