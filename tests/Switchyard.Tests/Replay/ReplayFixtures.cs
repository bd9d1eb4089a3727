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
    /// right. Prompts span several lines, as the real files do.
    /// </summary>
    public static string RouterBench(string directory, string taskType, int queries, bool cheapRight, string name = "fixture.csv")
    {
        var csv = new StringBuilder();
        csv.Append(",sample_id,prompt,eval_name,");
        csv.AppendJoin(',', Models).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|model_response")).Append(',');
        csv.AppendJoin(',', Models.Select(m => $"{m}|total_cost")).Append(",oracle_model_to_route_to\n");
        for (var i = 0; i < queries; i++)
        {
            var right = cheapRight ? "1.0" : "0.0";
            csv.Append(CultureInfo.InvariantCulture, $"{i},{taskType}.{i},\"['Question {i} of {taskType}:\\nwhich one?\nA) this\\nB) that']\",{taskType},");
            csv.Append(CultureInfo.InvariantCulture, $"{right},{right},1.0,");
            var bigAnswer = cheapRight ? "A" : "B";
            csv.Append(CultureInfo.InvariantCulture, $"\"['A\\n']\",['A'],['{bigAnswer}'],");
            csv.Append("0.0001,0.0001,0.01,");
            csv.Append(cheapRight ? "cheap-a" : "big").Append('\n');
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
