using Switchyard.Feedback;
using Switchyard.Routing;

namespace Switchyard.Tests.Feedback;

public sealed class RecentAnswersTests
{
    [Fact]
    public void Add_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var answers = new RecentAnswers(capacity: 3);

        for (var i = 0; i < 5; i++)
        {
            answers.Add(new ServedAnswer($"r{i}", "t", ModelTier.Cheap, 0.9));
        }

        Assert.Equal(3, answers.Count);
        Assert.Null(answers.Find("r0"));
        Assert.Null(answers.Find("r1"));
        Assert.NotNull(answers.Find("r4"));
    }

    [Fact]
    public void Find_ReturnsWhatWasServed_AndTheLatestOfARepeatedId()
    {
        var answers = new RecentAnswers(capacity: 4);
        var canary = new CanaryTag(3, Candidate: true);

        answers.Add(new ServedAnswer("req-1", "summarize", ModelTier.Cheap, 0.4, Escalated: false, canary, "router/summarize/v2"));
        answers.Add(new ServedAnswer("req-2", "classify", ModelTier.Cheap, 0.9));
        answers.Add(new ServedAnswer("req-1", "summarize", ModelTier.Frontier, 0.8, Escalated: true, canary, "router/summarize/v2"));

        Assert.Equal(2, answers.Count);
        Assert.Equal(new ServedAnswer("req-1", "summarize", ModelTier.Frontier, 0.8, true, canary, "router/summarize/v2"), answers.Find("req-1"));
        Assert.Equal(new ServedAnswer("req-2", "classify", ModelTier.Cheap, 0.9), answers.Find("req-2"));
        Assert.Null(answers.Find("req-3"));
    }

    [Fact]
    public void Add_WhenFull_ReusesTheOldestSlotAndKeepsTheRest()
    {
        var answers = new RecentAnswers(capacity: 2);

        answers.Add(new ServedAnswer("a", "t", ModelTier.Cheap, 0.1));
        answers.Add(new ServedAnswer("b", "t", ModelTier.Cheap, 0.2));
        answers.Add(new ServedAnswer("a", "t", ModelTier.Cheap, 0.3));
        answers.Add(new ServedAnswer("c", "t", ModelTier.Cheap, 0.4));

        Assert.Equal(2, answers.Count);
        Assert.Null(answers.Find("a"));
        Assert.Equal(0.2, answers.Find("b")!.Confidence);
        Assert.Equal(0.4, answers.Find("c")!.Confidence);
    }
}
