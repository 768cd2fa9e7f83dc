import { expect } from 'vitest';
import type { ErrorBody } from '../http/error-response.js';

/** Asserts an error response: its status, JSON content type and `{error: {code, message}}` body. Returns the body. */
export async function expectErrorResponse(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** One Server-Sent Event, its data parsed as JSON. */
export interface ReceivedEvent {
  event: string;
  data: unknown;
}

/** Splits a complete `text/event-stream` body into its events. */
export function parseEventStream(text: string): ReceivedEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
