// Server-sent events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). Pure.

/** How long a browser waits before reconnecting after the stream drops (the `retry:` hint), in ms. */
export const SSE_RETRY_MS = 3_000;

/**
 * One event: `id`, `event` and `data` fields, then a blank line. A line break inside the data would end its
 * field, so each line of it becomes a `data:` line of its own (the browser joins them back with "\n"); CR and
 * CRLF count as line breaks too. Ids and event names lose their line breaks (a browser ignores an id with NUL).
 */
export function sseEvent(event: { id?: string; event?: string; data: string }): string {
  const field = (value: string) => value.replace(/[\r\n\0]/g, "");
  let frame = "";
  if (event.id !== undefined) frame += `id: ${field(event.id)}\n`;
  if (event.event !== undefined) frame += `event: ${field(event.event)}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

/** A comment line: ignored by the browser, it keeps proxies and the connection from timing out. */
export function sseComment(text = ""): string {
  return `: ${text.replace(/[\r\n]/g, " ")}\n\n`;
}

/** The first bytes of a stream: the reconnection hint. */
export function sseRetry(ms = SSE_RETRY_MS): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}
