// Encodes test vectors with the page's fallback encoder (theme/overrides/assets/js/code-fallback.js):
// reads [{definition, answers, perspective, nonce}] from the file named, prints one code per line.
import { readFile } from "node:fs/promises";
import { encodeFallback } from "../../theme/overrides/assets/js/code-fallback.js";

const vectors = JSON.parse(await readFile(process.argv[2], "utf-8"));
for (const { definition, answers, perspective, nonce } of vectors) {
  process.stdout.write(encodeFallback(definition, answers, { perspective, nonce }) + "\n");
}
