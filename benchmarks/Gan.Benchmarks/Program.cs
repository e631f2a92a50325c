using BenchmarkDotNet.Running;
using Gan.Benchmarks.Modes;

// dotnet run -c Release --project benchmarks/Gan.Benchmarks -- [peer [options] | leak [options] | BenchmarkDotNet args]
//   peer   the workloads timed like benchmarks/peer/torch_peer.py (see run-peer-comparison.sh)
//   leak   a long train loop printing live tensors and RSS
//   pipeline-upscale   LoadImages → SuperResolve → SaveImages over a folder, timed (the ML.NET path of `gan upscale`)
//   else   BenchmarkDotNet, e.g. `--filter '*'` or `--filter '*GanStep*'`
return args.FirstOrDefault() switch
{
    "peer" => PeerMode.Run(args[1..]),
    "leak" => LeakMode.Run(args[1..]),
    "pipeline-upscale" => PipelineUpscaleMode.Run(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(PeerMode).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
