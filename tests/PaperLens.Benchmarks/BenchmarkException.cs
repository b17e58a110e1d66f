namespace PaperLens.Benchmarks;

/// <summary>A benchmark cannot run (a tool is missing, a build failed); the message says what to do.</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
