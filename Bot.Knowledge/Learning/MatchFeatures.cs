namespace Bot.Knowledge.Learning;

/// <summary>What a learned-answer match is made of (<see cref="QuestionMatcher"/>), each 0..1.</summary>
/// <param name="QuestionCosine">Embedding cosine between the questions.</param>
/// <param name="AnswerCosine">Embedding cosine between the question and the approved answer.</param>
/// <param name="QuestionWords">Containment of the customer's words in the learned question.</param>
/// <param name="AnswerWords">Containment of the customer's words in the learned question and its answer.</param>
/// <param name="Agreement">Where both lead the knowledge base (<see cref="RetrievalAnchors"/>), null when either has no anchors.</param>
public sealed record MatchFeatures(double QuestionCosine, double AnswerCosine, double QuestionWords, double AnswerWords, double? Agreement);
