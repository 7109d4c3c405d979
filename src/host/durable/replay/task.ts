/**
 * A tiny synchronous task for the shadow replay: continuations run at once when the task settles,
 * which mirrors DTFx running continuations to quiescence before it replays the next history event.
 */
export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly details: string;
      readonly nonRetriable?: boolean;
    };

export class ShadowTask {
  #outcome: Outcome | undefined;
  #continuations: ((o: Outcome) => void)[] = [];

  get done(): boolean {
    return this.#outcome !== undefined;
  }

  get outcome(): Outcome | undefined {
    return this.#outcome;
  }

  settle(outcome: Outcome): void {
    if (this.#outcome) return;
    this.#outcome = outcome;
    const waiting = this.#continuations;
    this.#continuations = [];
    for (const c of waiting) c(outcome);
  }

  then(continuation: (o: Outcome) => void): void {
    if (this.#outcome) continuation(this.#outcome);
    else this.#continuations.push(continuation);
  }

  static settled(outcome: Outcome): ShadowTask {
    const t = new ShadowTask();
    t.settle(outcome);
    return t;
  }
}

export const OK: Outcome = { ok: true, value: undefined };
