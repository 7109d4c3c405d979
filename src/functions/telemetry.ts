/** Registration only: Application Insights when configured, and the activity that reports a finished run (src/telemetry/). */
import * as df from 'durable-functions';
import { telemetryActivity } from '../telemetry/activity';
import { startApplicationInsights } from '../telemetry/azure-monitor';
import { TELEMETRY_ACTIVITY } from '../telemetry/names';

startApplicationInsights();

df.app.activity(TELEMETRY_ACTIVITY, {
  extraInputs: [df.input.durableClient()],
  handler: telemetryActivity,
});
