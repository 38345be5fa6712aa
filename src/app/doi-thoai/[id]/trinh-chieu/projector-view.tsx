"use client";
import { useEffect, useRef, useState } from "react";
import { fillMessage } from "@/lib/fill-message";
import type { SessionSnapshot } from "@/server/dialogue/live/session-snapshot";
import { useLiveSnapshot, type LiveCopy } from "../live-view";

/** How many of the queue fit the screen at 1920x1080 beside the current question. */
const SHOWN = 7;

export type ProjectorCopy = LiveCopy & { fullscreen: string; exitFullscreen: string; keys: string; back: string; noscript: string; statuses: Record<string, string> };

/**
 * A full-viewport layer over the site's header and footer, high contrast, type sized for the back of a hall;
 * updated live like the session page (useLiveSnapshot). Keyboard: the full-screen button, or F anywhere.
 */
export function ProjectorView(props: { sessionId: string; initial: SessionSnapshot; follow: boolean; title: string; time: string; place: string; copy: ProjectorCopy }) {
  const { copy } = props;
  const { snapshot, connection } = useLiveSnapshot(props.sessionId, props.initial, props.follow);
  const layer = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  const fill = (template: string, values: Record<string, string | number>) => fillMessage(template, values, copy.locale);

  // The site's header and footer lie under the layer: out of the keyboard's and screen readers' way too.
  useEffect(() => {
    const hidden: Element[] = [];
    for (let node: HTMLElement | null = layer.current; node?.parentElement; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling.hasAttribute("inert") || sibling.tagName === "SCRIPT") continue;
        sibling.setAttribute("inert", "");
        hidden.push(sibling);
      }
      if (node.parentElement === document.body) break;
    }
    return () => hidden.forEach((element) => element.removeAttribute("inert"));
  }, []);

  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement !== null);
    const toggleKey = (event: KeyboardEvent) => {
      if ((event.key === "f" || event.key === "F") && !event.ctrlKey && !event.metaKey && !event.altKey) toggle();
    };
    document.addEventListener("fullscreenchange", changed);
    window.addEventListener("keydown", toggleKey);
    return () => {
      document.removeEventListener("fullscreenchange", changed);
      window.removeEventListener("keydown", toggleKey);
    };
  }, []);

  function toggle() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void layer.current?.requestFullscreen?.().catch(() => undefined);
  }

  const { current } = snapshot;
  const queue = snapshot.queue.slice(0, SHOWN);
  const more = snapshot.queueTotal - queue.length;
  const focus = "focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-yellow-300";
  return (
    <div ref={layer} className="fixed inset-0 z-[100] flex flex-col overflow-y-auto bg-black px-[3vw] py-[3vh] text-white" data-projector>
      <header className="flex flex-wrap items-start justify-between gap-6 border-b-2 border-zinc-700 pb-[2vh]">
        <div className="min-w-0 space-y-1">
          <h1 className="break-words text-[clamp(1.75rem,2.6vw,3.25rem)] font-bold leading-tight">{props.title}</h1>
          <p className="text-[clamp(1.1rem,1.5vw,2rem)] text-zinc-300">
            {props.time} · {props.place} · <span className="font-semibold text-yellow-300">{copy.statuses[snapshot.status] ?? snapshot.status}</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-lg">
          <button type="button" onClick={toggle} className={`rounded-md border-2 border-white bg-black px-4 py-2 font-semibold text-white hover:bg-zinc-800 ${focus}`} aria-pressed={full}>
            {full ? copy.exitFullscreen : copy.fullscreen}
          </button>
          <a href={`/doi-thoai/${props.sessionId}`} className={`rounded-md px-2 py-2 text-zinc-200 underline underline-offset-4 ${focus}`}>
            {copy.back}
          </a>
        </div>
      </header>
      {copy.noscript ? (
        <noscript>
          <p className="pt-2 text-lg text-zinc-300">{copy.noscript}</p>
        </noscript>
      ) : null}
      <div className="grid flex-1 gap-[3vw] pt-[3vh] lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="projector-current" className="min-w-0">
          <h2 id="projector-current" className="text-[clamp(1.25rem,1.8vw,2.5rem)] font-bold uppercase tracking-wider text-yellow-300">
            {copy.current}
          </h2>
          <div aria-live="polite" aria-atomic="true" className="pt-[2vh]">
            {current ? (
              <>
                <p className="text-[clamp(1.25rem,1.8vw,2.5rem)] font-semibold text-zinc-300">
                  {fill(copy.questionNumber, { number: current.number })} · {fill(copy.supports, { count: current.supportCount })}
                </p>
                <p className="whitespace-pre-line break-words pt-[1.5vh] text-[clamp(2rem,3.6vw,4.5rem)] font-bold leading-[1.2]">{current.body}</p>
              </>
            ) : (
              <p className="pt-[1.5vh] text-[clamp(1.75rem,2.6vw,3.25rem)] text-zinc-300">{copy.currentNone}</p>
            )}
          </div>
        </section>
        <section aria-labelledby="projector-queue" className="min-w-0 border-zinc-700 lg:border-l-2 lg:pl-[3vw]">
          <h2 id="projector-queue" className="text-[clamp(1.25rem,1.8vw,2.5rem)] font-bold uppercase tracking-wider text-yellow-300">
            {copy.queue}
          </h2>
          {queue.length === 0 ? (
            <p className="pt-[2vh] text-[clamp(1.25rem,1.7vw,2.25rem)] text-zinc-300">{copy.queueEmpty}</p>
          ) : (
            <ol className="space-y-[1.6vh] pt-[2vh]">
              {queue.map((q) => (
                <li key={q.id} className="flex gap-4 border-b border-zinc-800 pb-[1.2vh]">
                  <span className="shrink-0 text-[clamp(1.25rem,1.7vw,2.25rem)] font-bold tabular-nums text-zinc-400">{q.number}.</span>
                  <div className="min-w-0">
                    <p className="line-clamp-2 break-words text-[clamp(1.25rem,1.7vw,2.25rem)] font-semibold leading-snug">{q.body}</p>
                    <p className="text-[clamp(1rem,1.3vw,1.75rem)] text-zinc-300">{fill(copy.supports, { count: q.supportCount })}</p>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {more > 0 ? <p className="pt-[1.5vh] text-[clamp(1rem,1.3vw,1.75rem)] text-zinc-300">{fill(copy.queueMore, { count: more })}</p> : null}
        </section>
      </div>
      <footer className="flex flex-wrap justify-between gap-4 pt-[2vh] text-base text-zinc-400">
        <span role="status">
          {props.follow ? (connection === "live" ? copy.connectionLive : connection === "polling" ? copy.connectionPolling : copy.connectionOffline) : ""}
        </span>
        <span>{copy.keys}</span>
      </footer>
    </div>
  );
}
