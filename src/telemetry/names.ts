/** The activity that emits a finished run's spans (called once by the orchestrator, after the engine). */
export const TELEMETRY_ACTIVITY = 'flowline-telemetry';

export interface TelemetryActivityInput {
  readonly runId: string;
  /** The orchestrator's replay-safe clock when the engine returned: the end of the run span. */
  readonly endTime?: string;
}
