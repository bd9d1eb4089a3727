using System.Globalization;
using System.Text;

namespace Switchyard.Tests.Replay;

/// <summary>Small generated replay files in the RouterBench wide layout, with known optima.</summary>
internal static class ReplayFixtures
{
    public static readonly string[] Models = ["cheap-a", "cheap-b", "big"];

    /// <summary>
    /// Writes <paramref name="queries"/> queries of task type <paramref name="taskType"/>: the two cheap
    /// models answer "A" and are right when <paramref name="cheapRight"/>; the big model always answers
    /// right. Prompts span several lines, as the real files do. With <paramref name="wrongEvery"/> above 0,
    /// cheap answers meant to be right are wrong on every <paramref name="wrongEvery"/>-th query (the big
    /// model answering "B" there), and agreement cannot tell which.
    /// </summary>
    public static string RouterBench(string directory, string taskType, int queries, bool cheapRight, string name = "fixture.csv", int wrongEvery = 0)
    {
        var csv = new StringBuilder();
        csv.Append(",sample_id,prompt,eval_name,");
        csv.AppendJoin(',', Models).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|model_response")).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|total_cost")).Append(",oracle_model_to_route_to\n");
        for (var i = 0; i < queries; i++)
        {
            var cheapIsRight = cheapRight && (wrongEvery <= 0 || i % wrongEvery != 0);
            var right = cheapIsRight ? "1.0" : "0.0";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{taskType}.{i},\"['Question {i} of {taskType}:\\nwhich one?\nA) this\\nB) that']\",{taskType},");
            csv.Append(CultureInfo.InvariantCulture, $"{right},{right},1.0,");
            var bigAnswer = cheapIsRight ? "A" : "B";
            csv.Append(CultureInfo.InvariantCulture, $"\"['A\\n']\",['A'],['{bigAnswer}'],");
            csv.Append("0.0001,0.0001,0.01,");
            csv.Append(cheapIsRight ? "cheap-a" : "big").Append('\n');
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>
    /// Writes <paramref name="queries"/> queries of task type <c>topics</c> alternating two topics: the
    /// two cheap models always agree on "A", which is right on the planet questions and wrong on the
    /// bread questions; the big model is always right. Agreement cannot tell the topics apart; the
    /// questions' words can. Optimum: cheap on planets, big on bread — every answer right at
    /// 0.0002 + 0.01 / 2 per query.
    /// </summary>
    public static string RouterBenchTopics(string directory, int queries, string name)
    {
        var csv = new StringBuilder();
        csv.Append(",sample_id,prompt,eval_name,");
        csv.AppendJoin(',', Models).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|model_response")).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|total_cost")).Append(",oracle_model_to_route_to\n");
        for (var i = 0; i < queries; i++)
        {
            var planet = i % 2 == 0;
            var question = planet
                ? $"Which planet of the solar system has the most moons, variant {i}?"
                : $"How long should bread dough rise before baking, variant {i}?";
            var right = planet ? "1.0" : "0.0";
            csv.Append(CultureInfo.InvariantCulture, $"{i},topics.{name}.{i},\"['Answer with A or B.\\n\\n{question}\\nA) this\\nB) that']\",topics,");
            csv.Append(CultureInfo.InvariantCulture, $"{right},{right},1.0,");
            csv.Append(CultureInfo.InvariantCulture, $"['A'],['A'],['{(planet ? "A" : "B")}'],");
            csv.Append("0.0001,0.0001,0.01,");
            csv.Append(planet ? "cheap-a" : "big").Append('\n');
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
