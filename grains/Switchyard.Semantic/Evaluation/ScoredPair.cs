namespace Switchyard.Caching.Evaluation;

/// <summary>A labelled pair with the similarity an embedder gives it.</summary>
/// <param name="Similarity">The cosine similarity of the two questions' embeddings (1 when they are identical).</param>
/// <param name="IsDuplicate">True when they ask the same thing.</param>
/// <param name="IsCalibration">True for the calibration part of the data set.</param>
public readonly record struct ScoredPair(float Similarity, bool IsDuplicate, bool IsCalibration);
