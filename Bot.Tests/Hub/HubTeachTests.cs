using System.Text.Json;
using Bot.Tests.Learning;
using Microsoft.AspNetCore.SignalR;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Hub;

/// <summary>"Teach the bot" from the hub: the same correction as the REST API, given to the next customer who asks in other words.</summary>
public sealed class HubTeachTests(HubHost host) : IClassFixture<HubHost>
{
    [Fact]
    public async Task Teaching_from_the_hub_gives_the_next_customer_the_corrected_answer()
    {
        var group = EvalSets.Paraphrases().Single(g => g.Group == 2);
        await using var admin = await AgentClient.SignInAsync(host.BaseAddress, "admin", Infrastructure.BotHost.HubAdminPassword);

        var result = await admin.InvokeAsync("Teach", group.Question, group.Answer, "technical", null);

        var learnedAnswerId = result.GetProperty("learnedAnswerId").GetInt64();
        Assert.True(learnedAnswerId > 0);
        var applied = await admin.WaitForAsync("correctionApplied", a => a[0].GetProperty("learnedAnswerId").GetInt64() == learnedAnswerId);
        Assert.Equal(group.Question, applied[0].GetProperty("question").GetString());
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM learned_answers WHERE id = $1 AND agent_id = 'admin' AND route = 'technical'", learnedAnswerId));
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM router_examples WHERE text = $1 AND route = 'technical' AND source = 'correction'", group.Question));

        using var http = host.CreateClient();
        var customer = await Memory.DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        var reply = Assert.Single(await customer.AskAsync(group.Paraphrases[0]));
        Assert.Equal("learned", AnswerSource(reply));
        Assert.Contains(group.Answer, CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_without_an_answer_is_refused_and_nothing_is_stored()
    {
        await using var admin = await AgentClient.SignInAsync(host.BaseAddress, "admin", Infrastructure.BotHost.HubAdminPassword);
        var before = await host.Database.CountAsync("SELECT count(*) FROM learned_answers");

        var refused = await Assert.ThrowsAsync<HubException>(() => admin.InvokeAsync("Teach", "how do I do x?", "  ", null, null));

        Assert.Contains("answer", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.Database.CountAsync("SELECT count(*) FROM learned_answers"));
    }
}
