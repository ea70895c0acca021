namespace Bot.Dialogs.Escalation;

/// <summary>The named signals that hand a conversation to a person; each that fires is recorded as a reason.</summary>
public static class EscalationReasons
{
    /// <summary>The customer asks for a person.</summary>
    public const string AsksForHuman = "asks_for_human";

    /// <summary>The customer chose "Talk to a person" on a card.</summary>
    public const string CardRequest = "card_request";

    /// <summary>Retrieval confidence was below the threshold for the configured number of questions.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>The customer asked again a question the bot had already answered.</summary>
    public const string RepeatedQuestion = "repeated_question";

    /// <summary>The configured number of thumbs-down in the conversation.</summary>
    public const string NegativeFeedback = "negative_feedback";

    public const string Complaint = "complaint";

    public const string AbusiveLanguage = "abusive_language";

    public const string LegalLanguage = "legal_language";

    /// <summary>High-risk topic: someone else got into the account.</summary>
    public const string AccountTakeover = "account_takeover";

    /// <summary>High-risk topic: a chargeback or disputed payment.</summary>
    public const string PaymentDispute = "payment_dispute";

    /// <summary>High-risk topic: a demand to erase the customer's data.</summary>
    public const string DataDeletion = "data_deletion";

    /// <summary>The LLM judged that a person should take over.</summary>
    public const string LlmJudgement = "llm_judgement";

    /// <summary>Every reason, in the order they are checked.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        AsksForHuman, CardRequest, Complaint, AbusiveLanguage, LegalLanguage, AccountTakeover, PaymentDispute, DataDeletion,
        RepeatedQuestion, NegativeFeedback, LowConfidence, LlmJudgement,
    ];
}
