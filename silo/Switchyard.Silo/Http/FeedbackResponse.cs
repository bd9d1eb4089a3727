namespace Switchyard.Silo.Http;

/// <summary>The body of an accepted <c>POST /v1/feedback</c>.</summary>
/// <param name="RequestId">The request the feedback was for.</param>
/// <param name="Correct">Whether the answer was taken to be right.</param>
public sealed record FeedbackResponse(string RequestId, bool Correct);
