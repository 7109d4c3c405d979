/**
 * Templates for `flowline new`: a workflow and a JSON test file that passes as written. `NAME` in a
 * template is replaced by the new workflow's name.
 */
import { approval } from './approval';
import { batch } from './batch';
import { requestResponse } from './request-response';
import { scheduled } from './scheduled';
import type { Template } from './file';
import { webhook } from './webhook';

export type { Template } from './file';

export const templates: Readonly<Record<string, Template>> = {
  'request-response': requestResponse,
  approval,
  batch,
  webhook,
  scheduled,
};
