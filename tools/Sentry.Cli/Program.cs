using Sentry.Cli;

return await SentryCli.RunAsync(args, CliHost.FromConsole());
