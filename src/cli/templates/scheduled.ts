import { type Template, workflowFile } from './file';

export const scheduled: Template = {
  summary: 'Every weekday at 07:00 (W. Europe time), call an API',
  workflow: workflowFile({
    description: 'Asks the reports API for the daily report every weekday at 07:00, Central European time.',
    triggers: {
      Every_weekday: {
        type: 'Recurrence',
        recurrence: {
          frequency: 'Week',
          interval: 1,
          timeZone: 'W. Europe Standard Time',
          schedule: {
            weekDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
            hours: [7],
            minutes: [0],
          },
        },
      },
    },
    actions: {
      Build_report: {
        type: 'Http',
        inputs: {
          method: 'POST',
          uri: "@{appsetting('REPORTS_API_URL')}/daily",
          body: { day: "@formatDateTime(utcNow(), 'yyyy-MM-dd')" },
        },
        retryPolicy: { type: 'exponential', count: 3, interval: 'PT30S' },
      },
    },
  }),
  tests: {
    tests: [
      {
        name: 'asks for the report',
        mocks: { Build_report: { statusCode: 202 } },
        expect: { status: 'Succeeded', actions: { Build_report: { status: 'Succeeded' } } },
      },
      {
        name: 'retries a busy reports API three times',
        mocks: { Build_report: { statusCode: 503 } },
        expect: { status: 'Failed', actions: { Build_report: { retries: 3 } } },
      },
    ],
  },
};
