using TripleGain.Silo.Hosting;

// The TripleGain silo: ASP.NET Core with the Orleans silo co-hosted. Wiring lives in Hosting/*Extensions.cs.
return await SiloHost.RunAsync(args, Console.Out, Console.Error);
