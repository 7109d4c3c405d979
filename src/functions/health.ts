/**
 * `GET /api/health`: a liveness probe for API Management backends and load balancers.
 * Registration only; the answer names the app and its version so a probe can tell deployments apart.
 */
import { app } from '@azure/functions';
import { version } from '../version';

app.http('health', {
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: () => ({ status: 200, jsonBody: { status: 'healthy', app: 'flowline', version } }),
});
