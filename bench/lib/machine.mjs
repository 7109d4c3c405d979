// A one-line description of the machine the numbers come from.
import { cpus, totalmem } from 'node:os';

export function describeMachine() {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu.length} × ${model}, ${gib} GiB RAM, Node ${process.version}, ${process.platform}-${process.arch}`;
}
