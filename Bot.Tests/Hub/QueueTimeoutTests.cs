using Bot.Dialogs.Handoffs;

namespace Bot.Tests.Hub;

/// <summary>A handoff nobody takes within Hub:MaxQueueWait goes back to the bot, which offers to pass on a message.</summary>
public sealed class QueueTimeoutTests(QueueTimeoutTests.Host host) : IClassFixture<QueueTimeoutTests.Host>
{
    [Fact]
    public async Task A_customer_nobody_takes_is_told_and_the_message_they_leave_is_kept_on_the_handoff()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "admin", Infrastructure.BotHost.HubAdminPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Gus");
        var id = await customer.AskForAPersonAsync(host.Database);

        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "failed"), seconds: 20);
        await customer.WaitForAsync(a => a.Text == HumanMode.TimedOutText);
        var changed = await dana.WaitForAsync("handoffChanged", a => a[0].GetProperty("id").GetInt64() == id && a[0].GetProperty("state").GetString() == "released");
        Assert.Equal("timed_out", changed[0].GetProperty("outcome").GetString());

        var ack = Assert.Single(await customer.Session.AskAsync("Please call me back about invoice 1234, I'm free after 3pm."));

        Assert.Equal(HumanMode.MessageLeftText, ack.Text);
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE id = $1 AND state = 'released' AND outcome = 'timed_out' AND customer_message = $2",
            id, "Please call me back about invoice 1234, I'm free after 3pm."));
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoff_events WHERE handoff_id = $1 AND state = 'released' AND outcome = 'timed_out' AND actor = 'hub'", id));
        var answer = Assert.Single(await customer.Session.AskAsync("How do I reset my password?"));
        Assert.NotEqual(HumanMode.MessageLeftText, answer.Text);
    }

    /// <summary>The host with a one-second queue wait, checked five times a second.</summary>
    public sealed class Host : HubHost
    {
        protected override void Configure(Dictionary<string, string?> settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings["Hub:MaxQueueWait"] = "00:00:01";
            settings["Hub:TimeoutCheckInterval"] = "00:00:00.200";
        }
    }
}
