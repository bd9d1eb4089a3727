namespace Switchyard.Caching.Vectors;

/// <summary>The nearest vector found: its slot in the index and its cosine similarity to the query.</summary>
/// <param name="Slot">Where the vector is held.</param>
/// <param name="Similarity">The dot product of two unit vectors.</param>
public readonly record struct VectorMatch(int Slot, float Similarity);
