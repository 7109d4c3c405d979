/**
 * Raised events during replay: entity responses matched by request id, external events by name
 * (case-insensitive, first in first out, buffered until someone waits) as .NET does.
 */
import { type HistoryEvent, str } from '../history';
import { entityResponse, parseJson } from './outcomes';
import { ShadowTask } from './task';

export class RaisedEvents {
  readonly #waiters = new Map<string, ShadowTask[]>();
  readonly #buffer = new Map<string, HistoryEvent[]>();
  readonly #entityWaiters = new Map<string, ShadowTask>();

  waitFor(name: string): ShadowTask {
    const key = name.toLowerCase();
    const task = new ShadowTask();
    const buffered = this.#buffer.get(key)?.shift();
    if (buffered) task.settle({ ok: true, value: parseJson(str(buffered, 'Input')) });
    else this.#waiters.set(key, [...(this.#waiters.get(key) ?? []), task]);
    return task;
  }

  expectResponse(requestId: string, task: ShadowTask): void {
    this.#entityWaiters.set(requestId, task);
  }

  /** The response is addressed by the guid recorded in history, not the one minted on replay. */
  rekey(from: string, to: string): void {
    const task = this.#entityWaiters.get(from);
    if (!task) return;
    this.#entityWaiters.delete(from);
    this.#entityWaiters.set(to, task);
  }

  deliver(event: HistoryEvent): void {
    const name = str(event, 'Name') ?? '';
    const entity = this.#entityWaiters.get(name);
    if (entity) {
      this.#entityWaiters.delete(name);
      entity.settle(entityResponse(str(event, 'Input')));
      return;
    }
    const key = name.toLowerCase();
    const waiter = this.#waiters.get(key)?.shift();
    if (waiter) waiter.settle({ ok: true, value: parseJson(str(event, 'Input')) });
    else this.#buffer.set(key, [...(this.#buffer.get(key) ?? []), event]);
  }
}
