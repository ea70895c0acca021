namespace Bot.Tests.Core;

/// <summary>The result of <see cref="BookingDialog"/>.</summary>
public sealed class BookingDetails
{
    public string? Name { get; set; }

    public int Seats { get; set; }
}
