using System.Text.Json;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Handoffs;
using Microsoft.AspNetCore.SignalR;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Hub;

/// <summary>
/// The whole way of a handoff through the real host: a Direct Line customer asks for a person, a signed-in agent on the
/// SignalR hub takes it, they talk, the agent resolves it, the customer rates the help and the bot answers again.
/// </summary>
public sealed class HandoffLifecycleTests(HandoffLifecycleTests.Host host) : IClassFixture<HandoffLifecycleTests.Host>
{
    [Fact]
    public async Task A_person_takes_the_conversation_talks_to_the_customer_and_gives_it_back_resolved()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Ann");

        var id = await customer.AskForAPersonAsync(host.Database);

        var queued = (await dana.WaitForAsync("handoffQueued", a => a[0].GetProperty("id").GetInt64() == id))[0];
        Assert.Equal("queued", queued.GetProperty("state").GetString());
        Assert.Equal("Ann", queued.GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("assignedTo").ValueKind);
        Assert.Contains("asks_for_human", queued.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(queued.GetProperty("lastMessages").EnumerateArray(), m => m.GetProperty("text").GetString() == "I want to talk to a human"
            && m.GetProperty("from").GetString() == "customer");
        Assert.Equal("AdaptiveCard", queued.GetProperty("card").GetProperty("type").GetString());
        Assert.Contains("I want to talk to a human", queued.GetProperty("card").ToString(), StringComparison.Ordinal);

        var taken = await dana.InvokeAsync("Take", id);
        Assert.Equal("assigned", taken.GetProperty("state").GetString());
        Assert.Equal("dana", taken.GetProperty("assignedTo").GetString());
        Assert.Equal("Dana Agent", taken.GetProperty("assignedToName").GetString());
        Assert.NotEmpty(taken.GetProperty("transcript").EnumerateArray());

        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "accepted"));
        await customer.WaitForAsync(a => a.Text == HumanMode.JoinedText("Dana Agent"));
        await dana.WaitForAsync("transcriptItem", a => a[0].GetInt64() == id && a[1].GetProperty("text").GetString() == HumanMode.JoinedText("Dana Agent"));

        Assert.Empty(await customer.Session.AskAsync("My invoice shows the wrong VAT number"));
        var message = await dana.WaitForAsync("customerMessage", a => a[0].GetInt64() == id);
        Assert.Equal("My invoice shows the wrong VAT number", message[1].GetProperty("text").GetString());
        Assert.Equal("customer", message[1].GetProperty("from").GetString());

        var replyId = (await dana.InvokeAsync("Reply", id, "Hi Ann, I'm correcting the invoice now.")).GetString();
        var onStream = await customer.Stream.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "Hi Ann, I'm correcting the invoice now.", TimeSpan.FromSeconds(15));
        Assert.Equal(replyId, onStream.GetProperty("id").GetString());
        Assert.Equal("Dana Agent", onStream.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("Dana Agent", onStream.GetProperty("channelData").GetProperty("agent").GetProperty("name").GetString());

        var resolved = await dana.InvokeAsync("Resolve", id, "Corrected the VAT number on the invoice");
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Equal("resolved", resolved.GetProperty("outcome").GetString());
        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "completed"));
        var back = await customer.WaitForAsync(a => a.Text == HumanMode.BackText);
        var card = Card(back);
        var four = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "4").GetProperty("data");

        var thanks = Assert.Single(await customer.Session.AskAsync(null, four));
        Assert.Equal(FeedbackDialog.SatisfactionThanks, thanks.Text);
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM feedback WHERE handoff_id = $1 AND satisfaction = 4 AND conversation_id = $2", id, customer.ConversationId));

        var answer = Assert.Single(await customer.Session.AskAsync("How do I reset my password?"));
        Assert.NotEqual("none", AnswerSource(answer));

        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE id = $1 AND state = 'resolved' AND outcome = 'resolved' AND assigned_to = 'dana' AND closed_at IS NOT NULL AND notes = 'Corrected the VAT number on the invoice'", id));
        Assert.Equal(3, await host.Database.CountAsync(
            "SELECT count(*) FROM handoff_events WHERE handoff_id = $1 AND ((state = 'queued' AND actor = 'bot') OR (state = 'assigned' AND actor = 'dana') OR (state = 'resolved' AND actor = 'dana'))", id));
    }

    [Fact]
    public async Task Released_conversations_go_back_to_the_bot_without_a_rating()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Ben");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.TakeWhenQueuedAsync(id);
        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "accepted"));

        var released = await dana.InvokeAsync("Release", id);

        Assert.Equal("released", released.GetProperty("state").GetString());
        Assert.Equal("released", released.GetProperty("outcome").GetString());
        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "completed"));
        var back = await customer.WaitForAsync(a => a.Text == HumanMode.BackText);
        Assert.True(back.Attachments is null || back.Attachments.Count == 0);
        var answer = Assert.Single(await customer.Session.AskAsync("How do I reset my password?"));
        Assert.NotEqual("none", AnswerSource(answer));
    }

    [Fact]
    public async Task While_queued_the_bot_stays_quiet_but_for_one_notice_a_minute_and_agents_see_the_messages()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Cy");
        var id = await customer.AskForAPersonAsync(host.Database);

        var first = await customer.Session.AskAsync("Are you there?");
        var second = await customer.Session.AskAsync("How do I reset my password?");

        Assert.Equal(HumanMode.QueuedText, Assert.Single(first).Text);
        Assert.Empty(second);
        await dana.WaitForAsync("customerMessage", a => a[0].GetInt64() == id && a[1].GetProperty("text").GetString() == "How do I reset my password?");
        var view = (await dana.InvokeAsync("GetHandoff", id));
        Assert.Contains(view.GetProperty("lastMessages").EnumerateArray(), m => m.GetProperty("text").GetString() == "Are you there?");
    }

    [Fact]
    public async Task Two_people_taking_the_same_handoff_at_once_one_wins()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        await using var eve = await AgentClient.SignInAsync(host.BaseAddress, "eve", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Dee");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.WaitForQueuedAsync(id);
        await eve.WaitForQueuedAsync(id);

        var attempts = await Task.WhenAll(TryTakeAsync(dana, id), TryTakeAsync(eve, id));

        Assert.Single(attempts, a => a is null);
        Assert.Single(attempts, a => a == "taken");
        Assert.Equal(1, await host.Database.CountAsync("SELECT count(*) FROM handoff_events WHERE handoff_id = $1 AND state = 'assigned'", id));
        var winner = attempts[0] is null ? "dana" : "eve";
        Assert.Equal(1, await host.Database.CountAsync("SELECT count(*) FROM handoffs WHERE id = $1 AND assigned_to = $2", id, winner));
        var loser = attempts[0] is null ? eve : dana;
        await loser.WaitForAsync("handoffChanged", a => a[0].GetProperty("id").GetInt64() == id && a[0].GetProperty("assignedTo").GetString() == winner);
        await customer.WaitForAsync(a => HubCustomer.IsStatus(a, "accepted"));
    }

    [Fact]
    public async Task A_person_who_reconnects_still_holds_the_conversation()
    {
        var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Eli");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.TakeWhenQueuedAsync(id);
        await customer.WaitForAsync(a => a.Text == HumanMode.JoinedText("Dana Agent"));
        var (cookies, danaHttp) = (dana.Cookies, dana.Http);
        await dana.DisposeAsync();

        await using var again = await AgentClient.ConnectAsync(host.BaseAddress, cookies, danaHttp);
        var queue = await again.InvokeAsync("GetQueue");

        var mine = Assert.Single(queue.EnumerateArray(), h => h.GetProperty("id").GetInt64() == id);
        Assert.Equal("assigned", mine.GetProperty("state").GetString());
        Assert.Equal("dana", mine.GetProperty("assignedTo").GetString());
        Assert.Empty(await customer.Session.AskAsync("Hello? Still there?"));
        await again.WaitForAsync("customerMessage", a => a[0].GetInt64() == id && a[1].GetProperty("text").GetString() == "Hello? Still there?");
        Assert.False(string.IsNullOrEmpty((await again.InvokeAsync("Reply", id, "Yes, sorry, my connection dropped.")).GetString()));
    }

    [Fact]
    public async Task A_handoff_transferred_to_a_group_or_a_named_person_goes_back_to_the_queue_for_them()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        await using var tom = await AgentClient.SignInAsync(host.BaseAddress, "tom", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Flo");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.TakeWhenQueuedAsync(id);

        var toGroup = await dana.InvokeAsync("Transfer", id, null, "security");
        Assert.Equal("queued", toGroup.GetProperty("state").GetString());
        Assert.Equal("security", toGroup.GetProperty("group").GetString());
        await tom.TakeWhenQueuedAsync(id);

        var toDana = await tom.InvokeAsync("Transfer", id, "dana", null);
        Assert.Equal("queued", toDana.GetProperty("state").GetString());
        await dana.WaitForAsync("handoffQueued", a => a[0].GetProperty("id").GetInt64() == id && a[0].GetProperty("requestedAgent").GetString() == "dana");
        var retaken = await dana.InvokeAsync("Take", id);
        Assert.Equal("dana", retaken.GetProperty("assignedTo").GetString());
        Assert.Equal(2, await host.Database.CountAsync(
            "SELECT count(*) FROM handoff_events WHERE handoff_id = $1 AND detail LIKE 'transferred to %'", id));
    }

    [Fact]
    public async Task A_customer_who_ends_the_conversation_closes_the_handoff_as_customer_left()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Gil");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.WaitForQueuedAsync(id);

        using var end = await new Infrastructure.DirectLineTestClient(http).PostAsync(customer.ConversationId, customer.Session.Token,
            JsonSerializer.Serialize(new { type = "endOfConversation", from = new { id = customer.Session.UserId } }));

        Assert.Equal(System.Net.HttpStatusCode.OK, end.StatusCode);
        var changed = await dana.WaitForAsync("handoffChanged", a => a[0].GetProperty("id").GetInt64() == id);
        Assert.Equal("released", changed[0].GetProperty("state").GetString());
        Assert.Equal("customer_left", changed[0].GetProperty("outcome").GetString());
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoff_events WHERE handoff_id = $1 AND outcome = 'customer_left' AND actor = 'customer'", id));
    }

    [Fact]
    public async Task Typing_shows_both_ways_and_notes_are_kept_through_the_resolution()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Hal");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.TakeWhenQueuedAsync(id);

        await dana.Connection.InvokeCoreAsync("Typing", typeof(object), [id]);
        var typing = await customer.Stream.WaitForActivityAsync(a => a.GetProperty("type").GetString() == "typing", TimeSpan.FromSeconds(15));
        Assert.Equal("Dana Agent", typing.GetProperty("from").GetProperty("name").GetString());

        using var customerTyping = await new Infrastructure.DirectLineTestClient(http).PostAsync(customer.ConversationId, customer.Session.Token,
            JsonSerializer.Serialize(new { type = "typing", from = new { id = customer.Session.UserId } }));
        Assert.Equal(System.Net.HttpStatusCode.OK, customerTyping.StatusCode);
        await dana.WaitForAsync("customerTyping", a => a[0].GetInt64() == id);

        await dana.Connection.InvokeCoreAsync("SaveNote", typeof(object), [id, "Wants a refund for March"]);
        var detail = await dana.InvokeAsync("GetHandoff", id);
        Assert.Equal("Wants a refund for March", detail.GetProperty("notes").GetString());

        await dana.InvokeAsync("Resolve", id, "Refund issued");
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE id = $1 AND notes = $2", id, "Wants a refund for March\n\nResolution: Refund issued"));
    }

    [Fact]
    public async Task Nul_characters_from_the_hub_are_kept_as_replacement_characters_not_errors()
    {
        await using var dana = await AgentClient.SignInAsync(host.BaseAddress, "dana", HubHost.AgentPassword);
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Nia");
        var id = await customer.AskForAPersonAsync(host.Database);
        await dana.TakeWhenQueuedAsync(id);

        await dana.Connection.InvokeCoreAsync("SaveNote", typeof(object), [id, "Card\0 declined"]);
        Assert.False(string.IsNullOrEmpty((await dana.InvokeAsync("Reply", id, "Let me\0 check.")).GetString()));
        await customer.Stream.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "Let me\uFFFD check.", TimeSpan.FromSeconds(15));
        var transfer = await Assert.ThrowsAsync<HubException>(() => dana.InvokeAsync("Transfer", id, "ev\0e", null));
        Assert.Contains("no agent", transfer.Message, StringComparison.Ordinal);

        await dana.InvokeAsync("Resolve", id, "Re\0tried");
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE id = $1 AND notes = $2", id, "Card\uFFFD declined\n\nResolution: Re\uFFFDtried"));
    }

    private static async Task<string?> TryTakeAsync(AgentClient agent, long id)
    {
        try
        {
            await agent.InvokeAsync("Take", id);
            return null;
        }
        catch (HubException ex)
        {
            return ex.Message.Contains("taken", StringComparison.Ordinal) ? "taken" : ex.Message;
        }
    }

    /// <summary>The host with three agents: Dana and Eve in every route's group, Tom in security only.</summary>
    public sealed class Host : HubHost, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await AddAgentAsync("dana", "Dana Agent", "technical", "billing", "general");
            await AddAgentAsync("eve", "Eve Agent", "technical", "billing", "general");
            await AddAgentAsync("tom", "Tom Agent", "security");
        }
    }
}
