namespace Bot.DirectLine;

/// <summary>Browsers call Direct Line from any site that embeds the chat; tokens, not cookies, carry the authority.</summary>
public static class DirectLineCors
{
    public const string PolicyName = "DirectLine";

    public static IServiceCollection AddDirectLineCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .AllowAnyOrigin()
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithExposedHeaders("Retry-After")));
}
