namespace Switchyard.Feedback;

/// <summary>Feedback settings, bound from <c>Switchyard:Feedback</c>.</summary>
public sealed class FeedbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Feedback";

    /// <summary>Served answers remembered per tenant for feedback; older ones are forgotten first. Default: 10,000.</summary>
    public int Capacity { get; set; } = 10_000;
}
