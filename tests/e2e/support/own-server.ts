// A second server of the same build, for a journey that must not disturb the shared one: e.g. blocking a client
// address. It trusts one proxy, so that each browser can say which address it comes from (X-Forwarded-For).
import { startServerProcess, type ServerProcess } from "./server-process";

/** Its address, and where its outbox is (for the sign-in helpers: it is not the shared server's). */
export type OwnServer = Pick<ServerProcess, "baseUrl" | "mode" | "databaseUrl" | "personalDataKeys" | "stop">;

/** Starts dist/server.mjs (built by the global setup) on a fresh data folder, or a fresh database in server mode. */
export async function startOwnServer(): Promise<OwnServer> {
  // Behind a declared proxy the loopback aliases are not redirected: the site's address is the one used here.
  const server = await startServerProcess({ env: (port) => ({ TRUST_PROXY: "1", APP_URL: `http://localhost:${port}` }) });
  const { baseUrl, mode, databaseUrl, personalDataKeys, stop } = server;
  return { baseUrl, mode, databaseUrl, personalDataKeys, stop };
}
