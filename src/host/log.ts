/** Host log lines. The default writer prints like Core Tools: `[timestamp] message`. */
export type LogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';
export type HostLogger = (level: string, category: string, message: string) => void;

const RANK: Record<string, number> = {
  trace: 0,
  debug: 1,
  information: 2,
  warning: 3,
  error: 4,
  critical: 5,
  none: 6,
};

export function consoleLogger(
  minimum: LogLevel = 'information',
  stream: NodeJS.WritableStream = process.stderr,
): HostLogger {
  const floor = RANK[minimum] ?? 2;
  return (level, _category, message) => {
    if ((RANK[level] ?? 2) < floor) return;
    stream.write(`[${new Date().toISOString()}] ${message}\n`);
  };
}
