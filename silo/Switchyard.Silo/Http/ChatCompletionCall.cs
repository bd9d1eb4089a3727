using Switchyard.Completion;

namespace Switchyard.Silo.Http;

/// <summary>A parsed <c>/v1/chat/completions</c> body: the request to route and how to answer it.</summary>
/// <param name="Request">The completion to route.</param>
/// <param name="Stream">True to answer with server-sent events.</param>
/// <param name="IncludeUsage">True to end a stream with a usage chunk (<c>stream_options.include_usage</c>).</param>
public sealed record ChatCompletionCall(CompletionRequest Request, bool Stream, bool IncludeUsage);
