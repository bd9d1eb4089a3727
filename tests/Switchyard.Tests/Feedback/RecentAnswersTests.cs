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
}
