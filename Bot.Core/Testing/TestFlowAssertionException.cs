namespace Bot.Core.Testing;

/// <summary>Thrown by <see cref="TestFlow"/> when a reply is not what the test expected.</summary>
public sealed class TestFlowAssertionException : Exception
{
    public TestFlowAssertionException()
    {
    }

    public TestFlowAssertionException(string message)
        : base(message)
    {
    }

    public TestFlowAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
