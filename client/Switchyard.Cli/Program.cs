using Switchyard.Cli;

return await SwitchyardCommandLine.Create(CliEnvironment.ForConsole()).Parse(args).InvokeAsync();
