"use client";

import { useSyncExternalStore } from "react";

// An error boundary gets nothing from the server parent that failed, so it carries its few words in both languages
// and reads the page's language from <html lang> (set by the root layout): no translation library in the browser.
const TEXT = {
  vi: {
    title: "Đã có lỗi xảy ra",
    body: "Hệ thống gặp sự cố. Thông tin ông/bà đã nhập chưa bị mất; vui lòng thử lại sau ít phút.",
    retry: "Thử lại",
  },
  en: {
    title: "Something went wrong",
    body: "The system ran into a problem. What you entered is not lost; please try again in a few minutes.",
    retry: "Try again",
  },
} as const;

const subscribe = () => () => {};
const pageLanguage = () => document.documentElement.lang;

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useSyncExternalStore(subscribe, pageLanguage, () => "vi") === "en" ? TEXT.en : TEXT.vi;
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p>{text.body}</p>
      <button type="button" onClick={reset} className="btn-secondary">
        {text.retry}
      </button>
    </div>
  );
}
