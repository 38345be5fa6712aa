// npm run secrets: prints fresh values for every secret, to paste into the server's environment.
import { SECRET_NAMES, generateSecret } from "@/env";

for (const name of SECRET_NAMES) process.stdout.write(`${name}=${generateSecret(name)}\n`);
