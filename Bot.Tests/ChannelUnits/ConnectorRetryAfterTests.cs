using System.Net;
using System.Net.Http.Headers;
using Bot.Connector;

namespace Bot.Tests.ChannelUnits;

/// <summary>How long the Connector client waits before a retry when the channel says so.</summary>
public sealed class ConnectorRetryAfterTests
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void Retry_after_in_seconds_is_waited_for()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.RetryAfter(response, Max));
    }

    [Fact]
    public void Retry_after_as_a_date_is_waited_for_and_a_past_date_means_now()
    {
        using var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        future.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(10));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(-10));

        Assert.InRange(ConnectorResilience.RetryAfter(future, Max)!.Value.TotalSeconds, 8, 10);
        Assert.Equal(TimeSpan.Zero, ConnectorResilience.RetryAfter(past, Max));
    }

    [Fact]
    public void A_long_retry_after_is_capped_and_no_header_leaves_it_to_the_backoff()
    {
        using var greedy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        greedy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
        using var silent = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Equal(Max, ConnectorResilience.RetryAfter(greedy, Max));
        Assert.Null(ConnectorResilience.RetryAfter(silent, Max));
        Assert.Null(ConnectorResilience.RetryAfter(null, Max));
    }
}
