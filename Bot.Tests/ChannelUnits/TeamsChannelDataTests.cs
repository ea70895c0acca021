using System.Text.Json;
using Bot.Connector;

namespace Bot.Tests.ChannelUnits;

/// <summary>Reading where a Teams conversation lives from <c>channelData</c>, whatever shape it arrives in.</summary>
public sealed class TeamsChannelDataTests
{
    [Fact]
    public void Tenant_team_and_channel_ids_are_read_from_teams_channel_data()
    {
        var json = JsonDocument.Parse("""
            { "tenant": { "id": "t1" }, "team": { "id": "19:team@thread.tacv2", "name": "Support" },
              "channel": { "id": "19:agents@thread.tacv2" }, "eventType": "teamMemberAdded" }
            """).RootElement;

        Assert.Equal(new TeamsChannelData("t1", "19:team@thread.tacv2", "19:agents@thread.tacv2"), TeamsChannelData.From(json));
    }

    [Fact]
    public void Missing_or_odd_channel_data_gives_no_ids()
    {
        var empty = new TeamsChannelData(null, null, null);

        Assert.Equal(empty, TeamsChannelData.From(null));
        Assert.Equal(empty, TeamsChannelData.From(JsonDocument.Parse("[1, 2]").RootElement));
        Assert.Equal(empty, TeamsChannelData.From(new { tenant = "not-an-object", team = new { id = 42 } }));
        Assert.Equal(new TeamsChannelData("t2", null, null), TeamsChannelData.From(new { tenant = new { id = "t2" } }));
    }
}
