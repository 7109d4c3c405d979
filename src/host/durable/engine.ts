/**
 * The dispatcher: runs episodes (one at a time per instance, at most maxConcurrentOrchestratorFunctions
 * at once), entity batches, activity work items and timers. On start it picks up whatever the store
 * holds, which is how a restarted host continues after a crash.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock';
import type { FunctionsRuntime } from '../extension';
import { runActivity } from './activity/runActivity';
import { WorkPool } from './activity/pool';
import type { DurableConfig } from './config';
import type { EngineContext } from './context';
import { parseEntityInstanceId } from './entity/entityId';
import { runEntity } from './entity/runEntity';
import { runEpisode } from './orchestration/episode';
import type { ActivityItem, DurableStore, EpisodeCommit, TimerItem } from './store/types';
import { StoreGate } from './storeGate';

export class Engine {
  readonly ctx: EngineContext;
  readonly #running = new Set<string>();
  readonly #dirty = new Set<string>();
  readonly #targets: WorkPool<string>;
  readonly #activities: WorkPool<ActivityItem>;
  readonly #timers = new Map<string, TimerHandle>();
  #stopped = false;

  constructor(store: DurableStore, runtime: FunctionsRuntime, clock: Clock, config: DurableConfig) {
    const log: EngineContext['log'] = (level, message) =>
      runtime.log(level === 'debug' ? 'debug' : level, 'DurableTask', message);
    this.ctx = {
      store,
      gate: new StoreGate(log),
      runtime,
      clock,
      config,
      log,
      notify: (target) => this.notify(target),
      newGuid: () => randomUUID(),
    };
    this.#targets = new WorkPool(config.maxConcurrentOrchestrations, (t) => this.#runTarget(t));
    this.#activities = new WorkPool(config.maxConcurrentActivities, (item) =>
      this.#stopped
        ? Promise.resolve()
        : runActivity(this.ctx, item).catch((e: unknown) => this.#fail('activity', e)),
    );
  }

  /** Resumes everything the store holds: inboxes, work items (run again: at-least-once) and timers. */
  start(): void {
    for (const item of this.ctx.store.activities()) this.#activities.push(item);
    for (const timer of this.ctx.store.timers()) this.#arm(timer);
    for (const target of this.ctx.store.targetsWithMessages()) this.notify(target);
  }

  /**
   * Starts nothing new and waits for what runs, until `deadline` (epoch ms). Results that arrive in
   * time are stored; an activity still running then (a backend that never answers) is abandoned:
   * its work item stays in the store and runs again after a restart (at-least-once).
   */
  async stop(deadline = Infinity): Promise<void> {
    this.#stopped = true;
    this.ctx.gate.close();
    this.#targets.clear();
    this.#activities.clear();
    for (const handle of this.#timers.values()) handle.cancel();
    this.#timers.clear();
    const idle = Promise.all([this.#targets.idle(), this.#activities.idle()]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => {
      if (Number.isFinite(deadline))
        timer = setTimeout(() => done('late'), Math.max(0, deadline - Date.now()));
    });
    const outcome = await Promise.race([idle, late]);
    clearTimeout(timer);
    this.ctx.gate.shut();
    if (outcome === 'late')
      this.ctx.log(
        'warning',
        `Stopped with ${this.#activities.busy} activity call(s) and ${this.#targets.busy} episode(s) still running; their work items stay in the store and run again after a restart.`,
      );
  }

  notify(target: string): void {
    if (this.#stopped) return;
    if (this.#running.has(target) || this.#dirty.has(target)) {
      this.#dirty.add(target);
      return;
    }
    this.#dirty.add(target);
    // Start the episode after this turn's I/O callbacks, so messages that arrive together (activity
    // results finishing in the same turn) go into one episode, as the extension's batched dequeue does.
    setImmediate(() => this.#targets.push(target));
  }

  async #runTarget(target: string): Promise<void> {
    this.#dirty.delete(target);
    if (this.#stopped) return;
    this.#running.add(target);
    try {
      if (parseEntityInstanceId(target)) await runEntity(this.ctx, target);
      else {
        const commit = await runEpisode(this.ctx, target);
        if (
          commit &&
          !this.#stopped &&
          (await this.ctx.gate.write(() => this.ctx.store.commitEpisode(commit)))
        )
          this.#afterCommit(commit);
      }
    } catch (error) {
      this.#fail(`instance ${target}`, error);
    } finally {
      this.#running.delete(target);
      if (this.#dirty.has(target) && !this.#stopped) this.#targets.push(target);
    }
  }

  #afterCommit(commit: EpisodeCommit): void {
    for (const id of commit.cancelTimers) {
      this.#timers.get(id)?.cancel();
      this.#timers.delete(id);
    }
    for (const item of commit.activities) this.#activities.push(item);
    for (const timer of commit.timers) this.#arm(timer);
    for (const row of commit.newInstances) this.notify(row.instanceId);
    for (const message of commit.messages) this.notify(message.target);
  }

  #arm(timer: TimerItem): void {
    const handle = this.ctx.clock.setTimer(new Date(timer.fireAt), () => {
      this.#timers.delete(timer.id);
      if (this.#stopped) return;
      const fired = {
        target: timer.instanceId,
        executionId: timer.executionId,
        event: { ...timer.event, Timestamp: this.ctx.clock.now().toISOString() },
      };
      void this.ctx.gate
        .write(() => this.ctx.store.fireTimer(timer.id, fired))
        .then(
          (stored) => {
            if (stored) this.notify(timer.instanceId);
          },
          (error: unknown) => this.#fail(`timer ${timer.id}`, error),
        );
    });
    this.#timers.set(timer.id, handle);
  }

  #fail(what: string, error: unknown): void {
    this.ctx.log('error', `Durable ${what} failed in the host: ${(error as Error).stack ?? String(error)}`);
  }
}
