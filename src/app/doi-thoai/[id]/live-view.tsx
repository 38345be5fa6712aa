"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fillMessage } from "@/lib/fill-message";
import type { SessionSnapshot } from "@/server/dialogue/live/session-snapshot";

/** Statuses after which nothing changes live any more: the stream is closed. */
const SETTLED = new Set(["ended", "minutes_published", "cancelled"]);

export type Connection = "live" | "polling" | "offline";

/** The wait before the next try after `attempt` failures in a row: doubling from `base` up to `max`, with up to a fifth of jitter. */
export function retryDelay(attempt: number, base: number, max: number, random = Math.random): number {
  const plain = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 20)));
  return Math.round(plain * (1 - random() * 0.2));
}

/**
 * A session's live state in the browser: the server's snapshot first, then the event stream; when EventSource is
 * missing or the stream keeps failing, the status endpoint is polled (every 5 s, backing off while it fails)
 * and the stream is tried again now and then. `follow` false: the snapshot as rendered, nothing more.
 */
export function useLiveSnapshot(sessionId: string, initial: SessionSnapshot, follow: boolean) {
  const [snapshot, setSnapshot] = useState(initial);
  const [connection, setConnection] = useState<Connection>("live");
  const initialVersion = useRef(initial.version);

  useEffect(() => {
    if (!follow || SETTLED.has(initial.status)) return;
    const base = `/doi-thoai/${sessionId}`;
    let version = initialVersion.current;
    let stopped = false;
    let source: EventSource | null = null;
    let polling = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let streamTimer: ReturnType<typeof setTimeout> | undefined;
    let pollFailures = 0;
    let streamAttempts = 0;
    let streamErrors = 0;

    const stopAll = () => {
      stopped = true;
      source?.close();
      source = null;
      clearTimeout(pollTimer);
      clearTimeout(streamTimer);
    };
    const apply = (next: SessionSnapshot) => {
      if (next.version !== version) {
        version = next.version;
        setSnapshot(next);
      }
      if (SETTLED.has(next.status)) stopAll();
    };
    const poll = async () => {
      pollTimer = undefined;
      try {
        const response = await fetch(`${base}/trang-thai`, { headers: { "if-none-match": `"${version}"` }, cache: "no-store" });
        if (response.status === 200) apply((await response.json()) as SessionSnapshot);
        if (response.ok || response.status === 304) {
          pollFailures = 0;
          if (!stopped && polling) setConnection("polling");
        } else pollFailures++;
      } catch {
        pollFailures++;
        if (!stopped) setConnection("offline");
      }
      if (!stopped && polling) pollTimer = setTimeout(() => void poll(), retryDelay(pollFailures, 5_000, 60_000));
    };
    const startPolling = () => {
      if (polling || stopped) return;
      polling = true;
      void poll();
    };
    const stopPolling = () => {
      polling = false;
      clearTimeout(pollTimer);
    };
    const connect = () => {
      streamTimer = undefined;
      if (stopped) return;
      if (typeof EventSource === "undefined") return startPolling();
      const stream = new EventSource(`${base}/su-kien`);
      source = stream;
      stream.addEventListener("snapshot", (event) => {
        streamErrors = 0;
        streamAttempts = 0;
        stopPolling();
        setConnection("live");
        apply(JSON.parse((event as MessageEvent<string>).data) as SessionSnapshot);
      });
      stream.onerror = () => {
        if (stopped) return;
        streamErrors++;
        if (stream.readyState === EventSource.CLOSED) {
          // Refused (the server is busy, or answered with an error): poll meanwhile, try the stream later.
          source = null;
          startPolling();
          streamTimer = setTimeout(connect, retryDelay(streamAttempts++, 15_000, 120_000));
        } else if (streamErrors >= 2) {
          // The browser keeps reconnecting by itself; poll until it succeeds.
          startPolling();
        }
        setConnection(polling ? "polling" : "offline");
      };
    };
    connect();
    // Back online: at once, not at the next retry.
    const online = () => {
      if (stopped) return;
      if (!source) {
        clearTimeout(streamTimer);
        connect();
      }
      if (polling) {
        clearTimeout(pollTimer);
        void poll();
      }
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      stopAll();
    };
  }, [sessionId, follow, initial.status]);

  return { snapshot, connection };
}

export type LiveCopy = {
  locale: string;
  current: string;
  currentNone: string;
  queue: string;
  queueHint: string;
  queueEmpty: string;
  support: string;
  supporting: string;
  supportFailed: string;
  answered: string;
  answeredEmpty: string;
  answerPending: string;
  connectionLive: string;
  connectionPolling: string;
  connectionOffline: string;
  supportResults: Record<SupportResult, string>;
  /** Templates, filled here (src/lib/fill-message.ts). */
  questionNumber: string;
  queueMore: string;
  supports: string;
  answeredBy: string;
  countsLine: string;
};

export type SupportResult = "supported" | "already_supported" | "not_supportable" | "address_cap";

/** The live part of the public session page: the current question, the queue with a support button each, the answers. */
export function LiveView(props: { sessionId: string; initial: SessionSnapshot; follow: boolean; supportable: boolean; copy: LiveCopy }) {
  const { snapshot, connection } = useLiveSnapshot(props.sessionId, props.initial, props.follow);
  const { copy } = props;
  const fill = (template: string, values: Record<string, string | number>) => fillMessage(template, values, copy.locale);
  const { current } = snapshot;
  const live = props.follow && !SETTLED.has(snapshot.status);
  return (
    <div className="space-y-6">
      {live ? (
        <p className="text-sm text-zinc-600" role="status">
          {connection === "live" ? copy.connectionLive : connection === "polling" ? copy.connectionPolling : copy.connectionOffline}
        </p>
      ) : null}
      <section aria-labelledby="live-current" className="card space-y-2 border-brand-100 bg-brand-50">
        <h3 id="live-current" className="text-sm font-semibold uppercase tracking-wide text-brand-800">
          {copy.current}
        </h3>
        <div aria-live="polite" aria-atomic="true">
          {current ? (
            <div className="space-y-2">
              <p className="text-sm font-semibold text-zinc-700">{fill(copy.questionNumber, { number: current.number })}</p>
              <p className="whitespace-pre-line break-words text-lg font-semibold">{current.body}</p>
              {current.answer ? <p className="whitespace-pre-line break-words text-zinc-800">{current.answer}</p> : null}
            </div>
          ) : (
            <p className="text-zinc-700">{copy.currentNone}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="live-queue" className="space-y-3">
        <div>
          <h3 id="live-queue" className="text-lg font-semibold">
            {copy.queue}
          </h3>
          <p className="text-sm text-zinc-600">{copy.queueHint}</p>
        </div>
        {snapshot.queue.length === 0 ? (
          <p className="text-zinc-700">{copy.queueEmpty}</p>
        ) : (
          <ol className="space-y-3">
            {snapshot.queue.map((q) => (
              <li key={q.id} className="card space-y-2">
                <p className="text-sm font-semibold text-zinc-700">{fill(copy.questionNumber, { number: q.number })}</p>
                <p className="whitespace-pre-line break-words">{q.body}</p>
                <div className="flex flex-wrap items-center gap-3">
                  <span className="text-sm text-zinc-700">{fill(copy.supports, { count: q.supportCount })}</span>
                  {props.supportable ? <SupportButton sessionId={props.sessionId} questionId={q.id} copy={copy} /> : null}
                </div>
              </li>
            ))}
          </ol>
        )}
        {snapshot.queueTotal > snapshot.queue.length ? (
          <p className="text-sm text-zinc-600">{fill(copy.queueMore, { count: snapshot.queueTotal - snapshot.queue.length })}</p>
        ) : null}
      </section>

      <section aria-labelledby="live-answered" className="space-y-3">
        <h3 id="live-answered" className="text-lg font-semibold">
          {copy.answered}
        </h3>
        {snapshot.answered.length === 0 ? (
          <p className="text-zinc-700">{copy.answeredEmpty}</p>
        ) : (
          <ol className="space-y-3">
            {snapshot.answered.map((q) => (
              <li key={q.id} className="card space-y-2">
                <p className="text-sm font-semibold text-zinc-700">{fill(copy.questionNumber, { number: q.number })}</p>
                <p className="whitespace-pre-line break-words font-semibold">{q.body}</p>
                <div className="space-y-0 border-l-2 border-zinc-300 pl-4">
                  {q.answer ? <p className="whitespace-pre-line break-words text-zinc-800">{q.answer}</p> : <p className="text-zinc-600">{copy.answerPending}</p>}
                  {q.leader ? (
                    <p className="text-sm text-zinc-600">
                      {fill(copy.answeredBy, { name: q.leader.name, position: copy.locale === "en" ? q.leader.positionEn : q.leader.position })}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-sm text-zinc-600">{fill(copy.countsLine, { ...snapshot.counts })}</p>
    </div>
  );
}

/**
 * A plain form (it works without JavaScript: the support route answers with a page); with JavaScript it is sent
 * in the background and its result shown beside the button.
 */
function SupportButton({ sessionId, questionId, copy }: { sessionId: string; questionId: string; copy: LiveCopy }) {
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const action = `/doi-thoai/${sessionId}/ung-ho`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSending(true);
    try {
      const response = await fetch(action, { method: "POST", headers: { accept: "application/json" }, body: new URLSearchParams({ question: questionId }) });
      const result = (await response.json().catch(() => null)) as { result?: string } | null;
      const text = result?.result && result.result in copy.supportResults ? copy.supportResults[result.result as SupportResult] : undefined;
      if (text) setMessage(text);
      else if (result?.result === "failed") setMessage(copy.supportFailed);
      // Not an answer this view knows (e.g. the question is gone): let the browser post the form and show the page's own message.
      else form.submit();
    } catch {
      setMessage(copy.supportFailed);
    } finally {
      setSending(false);
    }
  };
  return (
    <form method="post" action={action} onSubmit={(event) => void submit(event)} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="question" value={questionId} />
      <button type="submit" className="btn-secondary" disabled={sending}>
        {sending ? copy.supporting : copy.support}
      </button>
      <span role="status" className="text-sm text-zinc-700">
        {message}
      </span>
    </form>
  );
}
