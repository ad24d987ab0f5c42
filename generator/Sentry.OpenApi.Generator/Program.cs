using Sentry.OpenApi.Generator;

return await Cli.RunAsync(args, Console.Out, Console.Error);
