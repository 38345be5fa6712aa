// npm start: builds if the build is missing or older than the sources, then serves the production build.
// The server applies migrations and, on an empty embedded database, loads the demo data.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
buildIfNeeded();
process.env.NODE_ENV = "production";
await import(pathToFileURL(path.join(root, "dist/server.mjs")).href);
