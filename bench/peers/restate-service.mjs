// The Restate service the benchmark registers. It is copied into the Restate install folder (so that
// '@restatedev/restate-sdk' resolves there) and runs under the Node 22 the SDK needs. The handler
// makes the backend call inside ctx.run, so the call's result is journaled before the reply.
/* global fetch */
import * as restate from '@restatedev/restate-sdk';

const backendUrl = process.env.BACKEND_URL;
const bench = restate.service({
  name: 'Bench',
  handlers: {
    call: async (ctx) => ctx.run('get', async () => (await fetch(backendUrl)).json()),
  },
});
restate.serve({ services: [bench], port: Number(process.env.PORT) });
