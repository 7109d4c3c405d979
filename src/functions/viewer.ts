/** Registration only: the run viewer page (`/api/viewer/`), a client of the run API. */
import { app } from '@azure/functions';
import { serveViewer } from '../viewer/handler';

app.http('viewer', {
  route: 'viewer/{*path}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: serveViewer,
});
