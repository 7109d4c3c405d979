/** Registration only: the activity that emits a finished run's spans (src/telemetry/). */
import * as df from 'durable-functions';
import { telemetryActivity } from '../telemetry/activity';
import { TELEMETRY_ACTIVITY } from '../telemetry/names';

df.app.activity(TELEMETRY_ACTIVITY, {
  extraInputs: [df.input.durableClient()],
  handler: telemetryActivity,
});
