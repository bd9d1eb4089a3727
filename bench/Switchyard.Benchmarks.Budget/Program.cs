using System.Globalization;
using Switchyard.Benchmarks.Budget;

// Durable reserve+settle pairs per second through real budget grains in an in-process silo that keeps
// budgets in files (the embedded default).
// Usage: [seconds per run, default 10] [calls in flight, default 1000] [Process|Device durability, default Process].
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var durability = args.Length > 2 ? Enum.Parse<Switchyard.Budget.BudgetDurability>(args[2], ignoreCase: true) : Switchyard.Budget.BudgetDurability.Process;

await using var bench = await BudgetBenchmark.StartAsync(tenants: 1000, durability);
Console.WriteLine($"Switchyard budget benchmark: {Environment.ProcessorCount} cores, {inFlight} pairs in flight, {seconds} s per run, durability {durability}, data in {bench.DataDirectory}");
await bench.RunAsync("warm-up, one hot tenant", tenants: 1, inFlight, TimeSpan.FromSeconds(2));
await bench.RunAsync("one hot tenant", tenants: 1, inFlight, TimeSpan.FromSeconds(seconds));
await bench.RunAsync("1,000 tenants", tenants: 1000, inFlight, TimeSpan.FromSeconds(seconds));
