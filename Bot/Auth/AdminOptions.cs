using System.ComponentModel.DataAnnotations;

namespace Bot.Auth;

/// <summary>The key scripts and integrations send as <c>Authorization: Bearer &lt;key&gt;</c> for admin rights.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    [Required(ErrorMessage = "Set Admin:ApiKey (environment Admin__ApiKey); Development generates one.")]
    [MinLength(16, ErrorMessage = "Admin:ApiKey must be at least 16 characters.")]
    public string ApiKey { get; set; } = "";
}
