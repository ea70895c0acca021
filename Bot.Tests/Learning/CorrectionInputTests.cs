using Bot.Api;

namespace Bot.Tests.Learning;

public sealed class CorrectionInputTests
{
    [Fact]
    public void A_nul_in_a_correction_becomes_the_replacement_character()
    {
        var (correction, error) = CorrectionInput.Read("can I pay\0 by cheque", "No\0, only card or transfer.", "billing", "act\0-1", agentId: null);

        Assert.Null(error);
        Assert.NotNull(correction);
        Assert.Equal("can I pay\uFFFD by cheque", correction.Question);
        Assert.Equal("No\uFFFD, only card or transfer.", correction.Answer);
        Assert.DoesNotContain('\0', correction.ActivityId ?? "");
    }
}
