namespace Switchyard.Caching.Evaluation;

/// <summary>One labelled pair: would serving <paramref name="Question2"/> the answer to <paramref name="Question1"/> be right?</summary>
/// <param name="Question1">The question whose answer is cached.</param>
/// <param name="Question2">The question asked later.</param>
/// <param name="IsDuplicate">True when they ask the same thing.</param>
public sealed record QuestionPair(string Question1, string Question2, bool IsDuplicate)
{
    /// <summary>
    /// Which part of a data set the pair belongs to, from a stable hash of its text (the same in every
    /// process and run): true for the calibration part, false for the held-out part.
    /// </summary>
    public bool IsCalibration
    {
        get
        {
            var hash = 2166136261u;
            foreach (var c in Question1 + "\u0001" + Question2)
            {
                hash = (hash ^ c) * 16777619u;
            }

            // The top bit of a multiplicative mix: FNV's low bit only tracks the parity of the characters.
            return (hash * 2654435761u) >> 31 == 0;
        }
    }
}
