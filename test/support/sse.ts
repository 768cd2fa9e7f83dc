/** One server-sent event. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` response to its end, returning the events in order and when each arrived; `onEvent`,
 * when given, sees each event as it arrives.
 */
export async function readServerSentEvents(
  response: Response,
  onEvent?: (event: ServerSentEvent) => void,
): Promise<Array<ServerSentEvent & { receivedAt: number }>> {
  if (!response.body) throw new Error('response has no body');
  const decoder = new TextDecoder();
  const events: Array<ServerSentEvent & { receivedAt: number }> = [];
  let buffer = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join('\n');
      if (block.trim() !== '' && !block.startsWith(':')) {
        events.push({ event, data, receivedAt: Date.now() });
        onEvent?.({ event, data });
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
  return events;
}
