using System.Text.RegularExpressions;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Escalation;

/// <summary>
/// The wording signals: abusive language, legal language, and the high-risk topics (account takeover, payment
/// disputes, demands to erase data). Precise on purpose: a how-to question about deleting an account or disputing a
/// charge in general is answered from the help centre; a customer saying it happened, or demanding it, goes to a person.
/// </summary>
public static partial class EscalationSignals
{
    /// <summary>The reasons the message's wording gives (in <see cref="EscalationReasons.All"/> order).</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = RouterRules.Normalize(text);
        var reasons = new List<string>();
        if (Abusive().IsMatch(normalized))
        {
            reasons.Add(EscalationReasons.AbusiveLanguage);
        }
        if (Legal().IsMatch(normalized))
        {
            reasons.Add(EscalationReasons.LegalLanguage);
        }
        if (AccountTakeover().IsMatch(normalized))
        {
            reasons.Add(EscalationReasons.AccountTakeover);
        }
        if (PaymentDispute().IsMatch(normalized))
        {
            reasons.Add(EscalationReasons.PaymentDispute);
        }
        if (DataDeletion().IsMatch(normalized))
        {
            reasons.Add(EscalationReasons.DataDeletion);
        }
        return reasons;
    }

    /// <summary>True for a high-risk topic reason.</summary>
    public static bool IsHighRisk(string reason) =>
        reason is EscalationReasons.AccountTakeover or EscalationReasons.PaymentDispute or EscalationReasons.DataDeletion;

    [GeneratedRegex(@"\b(fuck\w*|f\*+k\w*|fck\w*|shit\w*|bullshit|bastard\w*|asshole\w*|arsehole\w*|dickhead\w*|idiot\w*|moron\w*|retard\w*|stupid (bot|machine|company|app|people)|dumb (bot|machine|company|app)|useless (bot|piece|machine|company)|screw you|piss off|go to hell|shut up|wtf|damn you|crap (bot|company|service|app))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Abusive();

    [GeneratedRegex(@"\b(lawyer|lawyers|attorney|attorneys|solicitor|solicitors|legal action|legal proceedings|take (this|you|it) to court|see you in court|sue|suing|lawsuit|law suit|litigation|small claims|class action|ombudsman|cease and desist|breach of contract|report(ing)? you to|trading standards|consumer protection|data protection authority|regulator)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Legal();

    [GeneratedRegex(@"\b(hacked|hacker|hackers|hijacked|compromised|taken over|took over my|account (was|got|has been|is) stolen|stole my account|someone (else )?(has )?(logged|signed|got|broke|is) (in|into)|someone (else )?(changed|reset) my (password|email)|(changed|reset) my (password|email) without|unauthori[sz]ed (access|login|log-in|sign-?in|user)|(login|sign-?in|log-in)s? (i|we) (didn't|did not|don't) recogni[sz]e|phished|phishing|suspicious (login|sign-?in|activity|access))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AccountTakeover();

    [GeneratedRegex(@"\b(chargeback|charge-back|charge back|disput(e|ed|ing) (the|a|this|that|my|it|these)( \w+)? ?(charge|payment|transaction|with)|disput(e|ed|ing) it|reverse (the|a|this|that) (charge|payment)|fraudulent (charge|payment|transaction)|unauthori[sz]ed (charge|payment|transaction|debit)|(didn't|did not|never) authori[sz]e\w*|(calling|call|contact|contacting|asked|asking) my bank to|(calling|contacting) my (bank|card issuer|credit card company))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentDispute();

    [GeneratedRegex(@"\b((delete|erase|remove|wipe|purge|destroy)\b[^.?!]{0,25}\b(all )?(my|our) (personal )?(data|information|info|details)|right to (be forgotten|erasure)|(gdpr|data) (erasure|deletion) request|forget (about )?me\b|(erase|delete) (everything|all) you (have|hold|store|keep) (on|about) (me|us))", RegexOptions.CultureInvariant)]
    private static partial Regex DataDeletion();
}
