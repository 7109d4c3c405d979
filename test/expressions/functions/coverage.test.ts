import { describe, expect, it } from 'vitest';
import { datetimeFunctions } from '../../../src/expressions/functions/datetime';
import { lookupFunction } from '../../../src/expressions/functions/index';
import { jsonXmlFunctions } from '../../../src/expressions/functions/json-xml';
import { uriFunctions } from '../../../src/expressions/functions/uri';
import { workflowFunctions } from '../../../src/expressions/functions/workflow';

/** The functions Microsoft's reference lists in these categories (plus Flowline's appsetting). */
const listed = {
  datetime: [
    'addDays',
    'addHours',
    'addMinutes',
    'addSeconds',
    'addToTime',
    'convertFromUtc',
    'convertTimeZone',
    'convertToUtc',
    'dateDifference',
    'dayOfMonth',
    'dayOfWeek',
    'dayOfYear',
    'formatDateTime',
    'getFutureTime',
    'getPastTime',
    'parseDateTime',
    'startOfDay',
    'startOfHour',
    'startOfMonth',
    'subtractFromTime',
    'ticks',
    'utcNow',
  ],
  workflow: [
    'action',
    'actions',
    'body',
    'actionBody',
    'outputs',
    'actionOutputs',
    'trigger',
    'triggerBody',
    'triggerOutputs',
    'triggerFormDataValue',
    'triggerFormDataMultiValues',
    'triggerMultipartBody',
    'formDataValue',
    'formDataMultiValues',
    'multipartBody',
    'item',
    'items',
    'iterationIndexes',
    'listCallbackUrl',
    'parameters',
    'result',
    'variables',
    'workflow',
    'appsetting',
  ],
  uri: ['uriHost', 'uriPath', 'uriPathAndQuery', 'uriPort', 'uriQuery', 'uriScheme'],
  'json-xml': ['json', 'xml', 'xpath'],
};
const defined = {
  datetime: datetimeFunctions,
  workflow: workflowFunctions,
  uri: uriFunctions,
  'json-xml': jsonXmlFunctions,
};

describe('function library coverage for datetime, workflow, uri and json-xml', () => {
  it.each(Object.entries(listed))(
    'every listed %s function is defined, registered and in its category',
    (category, names) => {
      const defs = defined[category as keyof typeof defined];
      expect(defs.map((d) => d.name).sort()).toEqual([...names].sort());
      for (const name of names) expect(lookupFunction(name.toLowerCase())?.category).toBe(category);
    },
  );
});
