// Every fixture has its own in-process server (or socket listener), so fixtures run side by side;
// the cases inside one fixture run one after another against its server.
[assembly: Parallelizable(ParallelScope.Fixtures)]
