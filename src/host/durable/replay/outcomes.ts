/** Reading completion events into task outcomes. */
import { type HistoryEvent, str } from '../history';
import type { Outcome } from './task';

export function parseJson(text: string | undefined | null): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function failure(event: HistoryEvent): Outcome {
  const details = event['FailureDetails'] as { ErrorMessage?: string; IsNonRetriable?: boolean } | null;
  return {
    ok: false,
    reason: str(event, 'Reason') ?? details?.ErrorMessage ?? '',
    details: str(event, 'Details') ?? '',
    nonRetriable: details?.IsNonRetriable === true,
  };
}

export function entityResponse(input: string | undefined): Outcome {
  const response = parseJson(input) as { result?: string; exceptionType?: string } | undefined;
  if (response?.exceptionType) return { ok: false, reason: response.result ?? '', details: '' };
  return { ok: true, value: parseJson(response?.result) };
}
