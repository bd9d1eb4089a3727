using Switchyard.Replay;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Replay;

public sealed class ReplayDatasetTests : IDisposable
{
    private readonly string _directory = TestSettings.NewDataDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_RouterBench_ReadsMultiLinePromptsAnswersAndCosts()
    {
        var file = ReplayFixtures.RouterBench(_directory, "quiz", 3, cheapRight: true);

        var data = ReplayDataset.Load([file]);

        Assert.Equal(ReplayFixtures.Models, data.Models);
        Assert.Equal(3, data.Queries.Count);
        var query = data.Queries[1];
        Assert.Equal("quiz.1", query.SampleId);
        Assert.Equal("quiz", query.TaskType);
        Assert.Equal("Question 1 of quiz:\nwhich one?\nA) this\nB) that", query.Prompt);
        Assert.Equal("A\n", query.Answers["cheap-a"].Text);
        Assert.True(query.Answers["cheap-a"].Correct);
        Assert.Equal(0.01m, query.Answers["big"].CostUsd);
        Assert.Same(query, data.Find(query.Prompt));
    }

    [Fact]
    public void Load_EmptyCorrectness_CountsAsWrong()
    {
        var file = Write("empty.csv", "sample_id,prompt,eval_name,m,m|model_response,m|total_cost\ns1,['q'],t,,,\n");

        var answer = ReplayDataset.Load([file]).Queries.Single().Answers["m"];

        Assert.False(answer.Correct);
        Assert.Null(answer.CostUsd);
    }

    [Fact]
    public void Load_RouteLlm_ReadsTrueFalseColumns()
    {
        var file = Write("mmlu_tiny.csv", "prompt,weak,strong\n\"Q1\nAnswer:\",False,True\nQ2,True,True\n");

        var data = ReplayDataset.Load([file]);

        Assert.Equal(["weak", "strong"], data.Models);
        Assert.Equal("mmlu", data.Queries[0].TaskType);
        Assert.False(data.Queries[0].Answers["weak"].Correct);
        Assert.True(data.Queries[1].Answers["weak"].Correct);
    }

    [Fact]
    public void Load_BadCell_IsRefusedWithFileAndLine()
    {
        // The first record spans lines 2-3, so the bad one starts on line 4.
        var file = Write("bad.csv", "sample_id,prompt,eval_name,m,m|model_response,m|total_cost\ns1,\"['line one\nline two']\",t,1.0,x,0.1\ns2,['q'],t,maybe,x,0.1\n");

        var error = Assert.Throws<ReplayFormatException>(() => ReplayDataset.Load([file]));

        Assert.Equal("bad.csv", error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("bad.csv:4:", error.Message);
        Assert.Contains("maybe", error.Message);
    }

    [Fact]
    public void Load_PromptThatIsNotAListLiteral_IsRefusedWithFileAndLine()
    {
        var file = Write("prompt.csv", "sample_id,prompt,eval_name,m\ns1,['ok'],t,1.0\ns2,not a list,t,1.0\n");

        var error = Assert.Throws<ReplayFormatException>(() => ReplayDataset.Load([file]));

        Assert.Equal(3, error.Line);
        Assert.Contains("prompt", error.Message);
    }

    [Fact]
    public void Load_WrongFieldCount_IsRefusedWithFileAndLine()
    {
        var file = Write("short.csv", "sample_id,prompt,eval_name,m\ns1,['ok'],t,1.0\ns2,['q'],t\n");

        var error = Assert.Throws<ReplayFormatException>(() => ReplayDataset.Load([file]));

        Assert.Equal("short.csv", error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_UnknownLayout_IsRefusedNamingTheHeader()
    {
        var file = Write("odd.csv", "a,b\n1,2\n");

        var error = Assert.Throws<ReplayFormatException>(() => ReplayDataset.Load([file]));

        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("['plain']", "plain")]
    [InlineData("[\"it's\"]", "it's")]
    [InlineData("['a\\nb \\'q\\' \\\\ \\x41']", "a\nb 'q' \\ A")]
    [InlineData("['one', 'two']", "one\n\ntwo")]
    public void UnwrapStringList_ReadsPythonLiterals(string literal, string expected) =>
        Assert.Equal(expected, PythonLiteral.UnwrapStringList(literal));

    [Theory]
    [InlineData("plain")]
    [InlineData("['unterminated]")]
    [InlineData("['a' 'b']")]
    public void UnwrapStringList_RefusesOtherText(string literal) =>
        Assert.Null(PythonLiteral.UnwrapStringList(literal));
}
