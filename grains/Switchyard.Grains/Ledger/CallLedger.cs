using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Switchyard.Telemetry;

namespace Switchyard.Ledger;

/// <summary>
/// The silo's ledger writer. <see cref="Record"/> never waits: rows are queued in memory and written to
/// the <see cref="ILedgerStore"/> in batches (every <see cref="LedgerOptions.FlushInterval"/>, or sooner
/// when a batch fills). A batch the store refuses is kept and retried with backoff until the store is
/// back, so a store that is briefly away loses nothing; what is queued is written when the silo stops.
/// </summary>
public sealed partial class CallLedger : BackgroundService
{
    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallLedger> _logger;
    private readonly Channel<ApiCall> _queue;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _progressLock = new();
    private List<ApiCall> _pending = [];
    private TaskCompletionSource _flushRequested = NewSignal();
    private TaskCompletionSource _progress = NewSignal();
    private long _recorded;
    private long _written;
    private bool _storeFailing;

    /// <summary>Creates the writer over <paramref name="store"/>.</summary>
    public CallLedger(ILedgerStore store, IOptions<LedgerOptions> options, TimeProvider time, ILogger<CallLedger> logger)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<ApiCall>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = _options.MaxRetryDelay,
                OnRetry = args =>
                {
                    if (!_storeFailing)
                    {
                        _storeFailing = true;
                        LogStoreFailing(_logger, args.Outcome.Exception!);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The rows recorded and not yet written.</summary>
    public long Backlog => Interlocked.Read(ref _recorded) - Interlocked.Read(ref _written);

    /// <summary>Queues a row; never waits. A row that finds the buffer full is dropped, counted and logged.</summary>
    public void Record(ApiCall call)
    {
        if (_queue.Writer.TryWrite(call))
        {
            Interlocked.Increment(ref _recorded);
            return;
        }

        SwitchyardTelemetry.RecordLedgerRows("dropped", 1);
        LogDropped(_logger, _options.BufferCapacity);
    }

    /// <summary>Returns once every row recorded before the call has been written (reports read after it).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _recorded);
        while (Interlocked.Read(ref _written) < target)
        {
            Task progress;
            lock (_progressLock)
            {
                _flushRequested.TrySetResult();
                progress = _progress.Task;
            }

            if (Interlocked.Read(ref _written) >= target)
            {
                break;
            }

            await progress.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The day's report from the store, after this silo's queued rows are written.</summary>
    public async Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _store.DailyAsync(date, tenantId, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DrainAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        // Rows recorded by requests that finished after the host stopped the writer are still written.
        if (Backlog > 0)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            DrainAsync(deadline.Token).GetAwaiter().GetResult();
        }

        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Task flushRequested;
                lock (_progressLock)
                {
                    flushRequested = _flushRequested.Task;
                }

                if (_queue.Reader.Count < _options.BatchSize && !flushRequested.IsCompleted)
                {
                    await Task.WhenAny(Task.Delay(_options.FlushInterval, _time, stoppingToken), flushRequested);
                    stoppingToken.ThrowIfCancellationRequested();
                }

                lock (_progressLock)
                {
                    if (_flushRequested.Task.IsCompleted)
                    {
                        _flushRequested = NewSignal();
                    }
                }

                while (_pending.Count < _options.BatchSize && _queue.Reader.TryRead(out var call))
                {
                    _pending.Add(call);
                }

                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the batch in hand and whatever is still queued.
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                while (_pending.Count < _options.BatchSize && _queue.Reader.TryRead(out var call))
                {
                    _pending.Add(call);
                }

                await WriteBatchAsync(cancellationToken);
            }
            while (_queue.Reader.Count > 0);
        }
        catch (OperationCanceledException)
        {
            var lost = Backlog;
            SwitchyardTelemetry.RecordLedgerRows("lost", lost);
            LogLost(_logger, lost);
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending;
        await _retry.ExecuteAsync(async token => await _store.WriteAsync(batch, token), cancellationToken);
        if (_storeFailing)
        {
            _storeFailing = false;
            LogStoreBack(_logger);
        }

        _pending = [];
        Interlocked.Add(ref _written, batch.Count);
        SwitchyardTelemetry.RecordLedgerRows("written", batch.Count);
        lock (_progressLock)
        {
            var progress = _progress;
            _progress = NewSignal();
            progress.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ledger store refused a batch; keeping it and retrying")]
    private static partial void LogStoreFailing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The ledger store is writable again")]
    private static partial void LogStoreBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger buffer is full ({Capacity} rows); a row was dropped")]
    private static partial void LogDropped(ILogger logger, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger store could not be reached before shutdown; {Rows} rows were not written")]
    private static partial void LogLost(ILogger logger, long rows);
}
