using Bot.Hosting;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The self-hosted Direct Line channel. In Development a random secret is made and logged when none is set.</summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["DirectLine:Secret"]))
        {
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            options.PostConfigure(o => o.Secret = string.IsNullOrEmpty(o.Secret) ? secret : o.Secret);
            builder.Services.AddHostedService(provider => new DevelopmentSecretNotice(
                provider.GetRequiredService<IOptions<DirectLineOptions>>(), provider.GetRequiredService<ILogger<DevelopmentSecretNotice>>()));
        }

        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddDirectLineCors();
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.AddSingleton<DirectLineRateLimiter>();
        builder.Services.AddSingleton<DirectLineAuthenticator>();
        builder.Services.AddSingleton<DirectLineConversations>();
        builder.Services.AddSingleton<DirectLineAccess>();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddSingleton<ConversationStreams>();
        builder.Services.AddSingleton<ConversationLocks>();
        builder.Services.AddSingleton<DirectLineAdapter>();
        builder.Services.AddSingleton<DirectLineChannel>();
        builder.Services.AddSingleton<DirectLineStream>();
        builder.Services.AddSingleton<ConversationExpiryService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ConversationExpiryService>());
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private sealed class DevelopmentSecretNotice(IOptions<DirectLineOptions> options, ILogger<DevelopmentSecretNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Development Direct Line secret (set DirectLine__Secret to choose your own): {Secret}", options.Value.Secret);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
