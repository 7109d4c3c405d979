/**
 * The load workflow: three sequential Http POSTs, a Foreach of three POSTs and a final POST, then
 * definition outputs the caller checks. Every action is a side effect the backend counts.
 */
import type { Behaviour, Hit } from './backend';
import { post } from './workflows';

export const ORDER_LINES = 3;
/** Http actions per run: reserve, charge, one per line, confirm. */
export const ACTIONS_PER_RUN = 3 + ORDER_LINES + 1;

const order = "@triggerBody()?['order']";

export const orderWorkflow = {
  actions: {
    Reserve: post('/reserve', { order }),
    Charge: post('/charge', { order }, { runAfter: { Reserve: ['Succeeded'] } }),
    Invoice: post('/invoice', { order }, { runAfter: { Charge: ['Succeeded'] } }),
    Each_line: {
      type: 'Foreach',
      foreach: `@range(0, ${ORDER_LINES})`,
      actions: { Ship_line: post('/ship', { order, line: '@item()' }) },
      runAfter: { Invoice: ['Succeeded'] },
    },
    Confirm: post('/confirm', { order }, { runAfter: { Each_line: ['Succeeded'] } }),
  },
  outputs: {
    order: { type: 'Int', value: order },
    confirmation: { type: 'Object', value: "@body('Confirm')" },
  },
};

/** The backend's answer: echoes the step and the order, so the run's outputs prove which call answered. */
export function orderBackend(hit: Hit, delayMs = 0): Behaviour {
  const body = hit.body as { order?: number; line?: number } | null;
  return {
    kind: 'answer',
    status: 200,
    delayMs,
    body: { step: hit.path.slice(1), order: body?.order ?? null, line: body?.line ?? null },
  };
}

export function expectedOutputs(orderNumber: number): Record<string, unknown> {
  return {
    order: orderNumber,
    confirmation: { step: 'confirm', order: orderNumber, line: null },
  };
}
