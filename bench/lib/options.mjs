// Command-line options of bench/run.mjs. Defaults keep a full run, peer installs included, under
// 15 minutes on two cores; --quick is for developing the benchmark itself (seconds, not minutes).
const HELP = `Usage: node bench/run.mjs [options]   (npm run bench builds first)
  --reps N                  repetitions per figure; the table shows the median (default 3)
  --seconds S               length of each throughput window (default 4)
  --soak-minutes M          length of the steady-load memory soak (default 2; the issue's version is 10)
  --foreach-limit-seconds S give up on a Foreach run after S seconds and say so (default 240)
  --only a,b                run only these suites: sync, chains, parallel, foreach, sustained, soak
  --no-peers                skip Node-RED and Restate (their rows say why)
  --quick                   tiny sizes and 1 repetition, for developing the benchmark; prints only
  --profile                 instead of the table: CPU-profile the host (sustained run, longest chain)
  --out FILE                where the table goes (default docs/performance.md; --quick: nowhere)`;

const SUITES = ['sync', 'chains', 'parallel', 'foreach', 'sustained', 'soak'];

export function parseOptions(argv) {
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
  };
  if (argv.includes('--help')) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const options = {
    quick,
    profile: argv.includes('--profile'),
    peers: !argv.includes('--no-peers'),
    reps: Number(value('--reps', quick ? 1 : 3)),
    seconds: Number(value('--seconds', quick ? 1 : 4)),
    latencyCalls: quick ? 30 : 200,
    chains: quick ? [10, 30, 100] : [10, 100, 1000],
    branches: 100,
    foreachSizes: quick ? [200] : [1000, 10_000],
    foreachConcurrency: 50,
    foreachLimitSeconds: Number(value('--foreach-limit-seconds', 240)),
    sustainedCallers: 50,
    soakCallers: 10,
    soakMinutes: Number(value('--soak-minutes', quick ? 0.25 : 2)),
    profileTop: 15,
    only: value('--only', SUITES.join(',')).split(','),
    out: value('--out', quick ? '' : 'docs/performance.md'),
  };
  for (const name of options.only) {
    if (!SUITES.includes(name))
      throw new Error(`--only: unknown suite '${name}' (known: ${SUITES.join(', ')})`);
  }
  return options;
}
