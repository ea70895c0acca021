using System.Text.RegularExpressions;

namespace Bot.Dialogs.Routing;

/// <summary>
/// Rules for the intents that are obvious from the wording: asking for a person, a bare greeting, a bare thanks, and
/// an explicit complaint. They are precise rather than complete: what they miss, the learned model decides.
/// </summary>
public static partial class RouterRules
{
    /// <summary>The intent the rules are sure of, or null.</summary>
    public static string? IntentOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }
        if (AsksForHuman(normalized))
        {
            return Intents.AsksForHuman;
        }
        if (Greeting().IsMatch(normalized))
        {
            return Intents.Greeting;
        }
        if (Thanks().IsMatch(normalized) && !Objection().IsMatch(normalized))
        {
            return Intents.Thanks;
        }
        if (Complaint().IsMatch(normalized) && !HowToComplain().IsMatch(normalized) && !ServiceCredits().IsMatch(normalized))
        {
            return Intents.Complaint;
        }
        return null;
    }

    /// <summary>True when the message asks to talk to a person (an agent, a human, someone from support).</summary>
    public static bool AsksForHuman(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        return BareHuman().IsMatch(normalized) || TalkToHuman().IsMatch(normalized) || WantHuman().IsMatch(normalized)
            || HumanPhrase().IsMatch(normalized);
    }

    /// <summary>
    /// True when the message uses complaint language, including asking how to complain or lodge a claim (which the
    /// intent calls a question, but which a person should handle).
    /// </summary>
    public static bool MentionsComplaint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        return Complaint().IsMatch(normalized) && !ServiceCredits().IsMatch(normalized);
    }

    /// <summary>Lower case, straight apostrophes, single spaces.</summary>
    public static string Normalize(string text) =>
        Spaces().Replace(text.Trim().ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\''), " ");

    [GeneratedRegex(@"^(a |an |the )?(human|humans|agent|person|operator|representative|rep|real person|live agent|live person|live chat|human agent|customer service|support agent)( please| pls| plz| now| asap)?[\s!.?]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareHuman();

    [GeneratedRegex(@"\b(talk|talking|speak|speaking|chat|chatting|connect|connected|transfer|transferred|put me through|reach|contact|escalate|hand me|pass me|forward me|get in touch)\b[^.?!]{0,40}?\b(human|humans|person|people at|agent|agents|representative|representatives|rep|reps|operator|operators|someone|somebody|anyone|anybody|staff|employee|manager|supervisor|team member|member of (your|the) (support )?team|support team|customer service|customer support|customer care|support staff|service desk|help desk|helpdesk|specialist|advisor|adviser|consultant|assistant)\b(?!'s)", RegexOptions.CultureInvariant)]
    private static partial Regex TalkToHuman();

    [GeneratedRegex(@"\b(need|want|like|get|give me|request|requesting|demand|where is|is there)\b[^.?!]{0,20}?\b(a human|an actual human|a real human|a person|a real person|an actual person|a live person|an agent|a live agent|a human agent|a support agent|a representative|an operator|a rep|someone real|a manager|a supervisor|a specialist|an advisor|an adviser|human help|human support|human assistance|personal assistance)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WantHuman();

    [GeneratedRegex(@"\b(human agent|live agent|live person|real person|real human|actual person|actual human|not a bot|not a robot|not the bot|stop the bot|no more bots?|talk to a human|human being|who (can|could|do|should) (i|we) (speak|talk|chat) (to|with)|anyone (i|we) can (speak|talk|chat) (to|with))\b", RegexOptions.CultureInvariant)]
    private static partial Regex HumanPhrase();

    [GeneratedRegex(@"^(hi|hii+|hello+|hey+|heya|hiya|howdy|yo|good (morning|afternoon|evening|day)|greetings|hallo|hola|bonjour|morning|evening)\b[\s!.,]*((there|team|bot|all|everyone|folks|guys|again|northwind)[\s!.,]*)?(:\)|:-\)|🙂|👋)?[\s!.,]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(ok(ay)?,? |great,? |perfect,? |awesome,? |brilliant,? |cool,? |nice,? |got it,? )?(thanks|thank you|thank u|thx|ty|tysm|cheers|many thanks|much appreciated|appreciate it|that helped|that helps|that worked|that's great|that's perfect|great help)\b[\s\w!.,']{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(but|not|didn't|didnt|doesn't|doesnt|still|however|though|although|no|can't|cant|won't|wont|how|what|where|why|when|can you|could you)\b|\?", RegexOptions.CultureInvariant)]
    private static partial Regex Objection();

    [GeneratedRegex(@"\b(complain|complaining|complaint|complaints|unacceptable|outrageous|ridiculous|disgraceful|disgusting|appalling|pathetic|shameful|terrible (service|support|experience|company|product)|awful (service|support|experience)|worst (service|support|experience|company|customer service|product)|rip[- ]?off|scam|(is|are|was|what) (a|such a|an absolute|a complete) joke|fed up|sick of|furious|livid|not happy|very unhappy|extremely unhappy|dissatisfied|(lodge|file|make|submit|open|raise|place|put in|start) (a |an )?([a-z]+ )?(formal |consumer |official |customer )?(claim|complaint|reclamation)|consumer claim|claim against|reclamations?|against (you|u|your|ur) (company|business|organi[sz]ation|firm)|grievance)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Complaint();

    [GeneratedRegex(@"^(how|where|who|what) (do|can|should|would) (i|we|you)\b|^(how|where) to\b", RegexOptions.CultureInvariant)]
    private static partial Regex HowToComplain();

    /// <summary>SLA service credits are claimed too: a billing question, not a complaint.</summary>
    [GeneratedRegex(@"\bclaim\w*\b.*\b(credit|credits|sla|uptime)\b|\b(credit|credits|sla|uptime)\b.*\bclaim", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceCredits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
