/** `flowline/testing`: test workflows in process, with mocks and time skipping. */
export { loadWorkflow, TriggerRejected } from './workflow';
export type { LoadOptions, RunOptions, TestWorkflow, TriggerCall } from './workflow';
export type { Mock, MockCall, MockResult, Mocks } from './mocks';
export { TestRun } from './run';
export { assertRun, checkRun, RunMismatch } from './assert';
export type { RunExpectation } from './assert';
