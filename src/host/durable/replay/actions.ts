/** Actions as durable-functions sends them in `OrchestratorState.actions[0]` (protocol notes 2.4). */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  ScheduledSignalEntity: 10,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

export interface RetryOptionsJs {
  readonly firstRetryIntervalInMilliseconds: number;
  readonly maxNumberOfAttempts: number;
  readonly backoffCoefficient?: number;
  readonly maxRetryIntervalInMilliseconds?: number;
  readonly retryTimeoutInMilliseconds?: number;
}

export interface Action {
  readonly actionType: number | string;
  readonly functionName?: string;
  readonly input?: unknown;
  readonly retryOptions?: RetryOptionsJs;
  readonly instanceId?: string;
  readonly version?: string;
  readonly fireAt?: string;
  readonly isCanceled?: boolean;
  readonly externalEventName?: string;
  readonly operation?: string;
  readonly httpRequest?: Record<string, unknown>;
  readonly compoundActions?: readonly Action[];
}

/** The extension reads `actionType` with a string-enum converter: numbers and names both work. */
export function actionTypeOf(action: Action): number {
  const t = action.actionType;
  if (typeof t === 'number') return t;
  const code = (ActionType as Record<string, number>)[t];
  if (code === undefined) throw new Error(`Unknown actionType '${t}' in the orchestrator's actions.`);
  return code;
}

export interface OrchestratorState {
  readonly isDone: boolean;
  readonly actions: readonly (readonly Action[])[];
  readonly output?: unknown;
  readonly error?: string;
  readonly customStatus?: unknown;
  readonly schemaVersion?: number;
}

/** Activity inputs are JSON text already (the SDK encodes strings once more); others are raw values. */
export function inputText(input: unknown): string | null {
  if (input === undefined) return null;
  return JSON.stringify(input);
}
