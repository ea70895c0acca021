namespace Bot.Knowledge.Routing;

/// <summary>The CSV layouts a router import reads.</summary>
public enum RouterCsvFormat
{
    /// <summary>The product's own: columns <c>text,route[,intent]</c> (any order, header row required).</summary>
    Router,

    /// <summary>
    /// The Bitext customer-support data set (<c>utterance,intent,...,category</c>), mapped to the default routes as
    /// <see cref="BitextMapping"/> says.
    /// </summary>
    Bitext,
}
