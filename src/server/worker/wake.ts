// Lets a send in this process start delivery now instead of at the next poll.
const store = globalThis as unknown as { __doiThoaiWake?: Set<() => void> };
store.__doiThoaiWake ??= new Set();

export function onWake(listener: () => void): () => void {
  store.__doiThoaiWake!.add(listener);
  return () => store.__doiThoaiWake!.delete(listener);
}

export function wakeWorker(): void {
  // After the current transaction has had a chance to commit.
  setTimeout(() => store.__doiThoaiWake!.forEach((listener) => listener()), 50);
}
