"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { fillMessage } from "@/lib/fill-message";
import { signInAction, type SignInState } from "./actions";
import type { SignInCopy } from "./sign-in-copy";

export function SignInForm({ copy, callbackUrl, initialError }: { copy: SignInCopy; callbackUrl?: string; initialError?: "linkInvalid" }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: "" });
  const error = state.error ?? initialError;
  const router = useRouter();
  // The link is on its way: the browser asks for the next page itself (see signInAction).
  useEffect(() => {
    if (state.sent) router.push("/dang-nhap/kiem-tra-email");
  }, [state, router]);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {error === "failed" && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {copy.failed}
        </p>
      )}
      {error === "rateLimited" && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {fillMessage(copy.templates.rateLimited, { minutes: state.retryAfterMinutes ?? 60 }, copy.locale)}
        </p>
      )}
      {error === "linkInvalid" && !state.error && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {copy.linkInvalid}
        </p>
      )}
      <div>
        <label htmlFor="email" className="field-label">
          {copy.emailLabel}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={state.error === "invalidEmail" || undefined}
          aria-describedby={state.error === "invalidEmail" ? "email-hint email-error" : "email-hint"}
          className="field-input"
        />
        <p id="email-hint" className="field-hint">
          {copy.emailHint}
        </p>
        {state.error === "invalidEmail" && (
          <p id="email-error" className="field-error">
            {copy.invalidEmail}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {copy.submit}
      </button>
    </form>
  );
}
