/**
 * Scope frames: what an expression can see at the point it is evaluated. A frame holds the records
 * of the actions that ran in one scope instance (the top level, one Scope, one loop iteration);
 * lookups walk outwards, so `body('X')` inside an iteration reads that iteration's X.
 */
import type { ActionRecord } from './run-types';
import type { JsonValue } from '../expressions/values';

export interface LoopPosition {
  readonly name: string;
  readonly kind: 'foreach' | 'until';
  readonly index: number;
  readonly item?: JsonValue;
}

export class Frame {
  private readonly records = new Map<string, ActionRecord>();
  /** Records in start order (for `result()` and the run tree). */
  readonly ordered: ActionRecord[] = [];

  constructor(
    readonly parent: Frame | undefined,
    readonly loop?: LoopPosition,
  ) {}

  add(record: ActionRecord): void {
    this.records.set(record.name.toLowerCase(), record);
    this.ordered.push(record);
  }

  /** The nearest record of that action (action names are case-insensitive). */
  find(name: string): ActionRecord | undefined {
    return this.records.get(name.toLowerCase()) ?? this.parent?.find(name);
  }

  /** The enclosing loop named `name`, or the innermost Foreach when no name is given. */
  findLoop(name?: string): LoopPosition | undefined {
    const loop = this.loop;
    const hit =
      loop !== undefined &&
      (name === undefined ? loop.kind === 'foreach' : loop.name.toLowerCase() === name.toLowerCase());
    return hit ? loop : this.parent?.findLoop(name);
  }

  /** A stable path of loop positions, e.g. `For_each[3]/Until[0]`, for event names and idempotency keys. */
  path(): string {
    const outer = this.parent?.path() ?? '';
    if (this.loop === undefined) return outer;
    const here = `${this.loop.name}[${this.loop.index}]`;
    return outer === '' ? here : `${outer}/${here}`;
  }
}
