/**
 * Result codes without the engine: the same layout as engine/codes.py, in JavaScript.
 *
 * Used only when Pyodide cannot start (an old browser, a blocked download): the
 * member still gets a code to hand to the facilitator. This is the one place
 * where something is computed in two languages, so tests/parity/test_code_fallback.py
 * checks it against engine.encode (the same codes, byte for byte, for random
 * assessments and answers). Keep the two in step: layout, hash, CRC, grouping.
 *
 * Format 2: every question is a digit of radix (scale points + 1), one more for a
 * question with `not_applicable` (its last digit is "n/a"), the first question
 * lowest; the perspective sits on top as a digit of radix (options + 1), 0 = none.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const FORMAT = 2n;
const CRC_POLY = 0x11021n;
const CRC_BITS = 16n;
const FORMAT_BITS = 4n;
const ASSESSMENT_BITS = 20n;
const VERSION_BITS = 8n;
const NONCE_BITS = 16n;
const HEADER_BITS = FORMAT_BITS + ASSESSMENT_BITS + VERSION_BITS + NONCE_BITS;

function bitLength(value) {
  return value === 0n ? 0n : BigInt(value.toString(2).length);
}

/** FNV-1a (32 bit) over the UTF-8 bytes of the id, folded to 20 bits: engine.codes.assessment_tag. */
export function assessmentTag(id) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  }
  return BigInt((h ^ (h >>> 20)) & 0xfffff);
}

function crcRemainder(value) {
  for (let bit = bitLength(value) - 1n; bit >= CRC_BITS; bit--) {
    if ((value >> bit) & 1n) value ^= CRC_POLY << (bit - CRC_BITS);
  }
  return value;
}

/**
 * The code for `answers` ({question id: number | "unknown" | "n/a" | null}) and the perspective
 * chosen (an option id, or null); throws on a value off the scale or a perspective the scan lacks.
 * `nonce` is random unless a test fixes it.
 */
export function encodeFallback(definition, answers, { perspective = null, nonce } = {}) {
  if (nonce === undefined) nonce = crypto.getRandomValues(new Uint16Array(1))[0];
  const min = definition.scale.min;
  const max = definition.scale.max;
  const base = BigInt(max - min + 2);
  const options = definition.perspective ? definition.perspective.options.map((option) => option.id) : [];
  let digits = 0n;
  let capacity = BigInt(options.length + 1);
  if (perspective !== null && perspective !== undefined) {
    if (!options.includes(perspective)) throw new Error(`unknown perspective: ${perspective}`);
    digits = BigInt(options.indexOf(perspective) + 1);
  }
  for (const question of [...definition.questions].reverse()) {
    const value = answers[question.id];
    const hasNotApplicable = question.not_applicable !== null && question.not_applicable !== undefined;
    const radix = hasNotApplicable ? base + 1n : base;
    let digit = 0n;
    if (value === "n/a") {
      if (!hasNotApplicable) throw new Error(`no "n/a" for: ${question.id}`);
      digit = base;
    } else if (value !== undefined && value !== null && value !== "unknown") {
      if (!Number.isInteger(value) || value < min || value > max) throw new Error(`answer off the scale: ${question.id}`);
      digit = BigInt(value - min + 1);
    }
    digits = digits * radix + digit;
    capacity *= radix;
  }
  let message = digits;
  message = (message << NONCE_BITS) | (BigInt(nonce) & ((1n << NONCE_BITS) - 1n));
  message = (message << VERSION_BITS) | BigInt(definition.version % 256);
  message = (message << ASSESSMENT_BITS) | assessmentTag(definition.id);
  message = (message << FORMAT_BITS) | FORMAT;
  const shifted = message << CRC_BITS;
  let codeword = shifted | crcRemainder(shifted);
  const answerBits = bitLength(capacity - 1n);
  const length = Number((answerBits + HEADER_BITS + CRC_BITS + 4n) / 5n);
  const symbols = [];
  for (let i = 0; i < length; i++) {
    symbols.push(ALPHABET[Number(codeword & 31n)]);
    codeword >>= 5n;
  }
  const text = symbols.reverse().join("");
  return text.match(/.{1,4}/g).join("-");
}

// -- reading a code without the engine: only what the page needs before the engine runs ------
// A QR arrival on a phone and the camera on the team page store a code at once; the engine reads
// every code later, in one batch. These mirror engine.codes.canonical, the CRC test at the start
// of engine.codes.read and engine.team.split_codes; tests/parity/test_code_check.py checks that
// they agree with the engine for every kind of mistake.
const SYMBOL_VALUE = new Map([...ALPHABET].map((symbol, i) => [symbol, BigInt(i)]));
SYMBOL_VALUE.set("I", 1n).set("L", 1n).set("O", 0n);
const IGNORED = new Set(["-", " ", "\t", "\r", "\n"]);
const MAX_SYMBOLS = 100;

/**
 * What can be said about `text` as a code without the engine:
 * `{ ok: true, canonical }` when it is a whole code whose checksum holds (of this scan when
 * `scanId` is given), else `{ ok: false, reason }` with reason "empty", "characters" (a sign that
 * never occurs in a code), "long" (more than 100 signs), "checksum" (a sign changed, missing or
 * swapped), "format" (a layout this site cannot read) or "other-scan" (a sound code of another
 * scan), checked in the order engine.codes.read checks them. Version and length are left to the engine.
 */
export function checkCode(text, { scanId = null } = {}) {
  if (typeof text !== "string") return { ok: false, reason: "characters" };
  const symbols = [];
  for (const char of text.toUpperCase()) {
    if (IGNORED.has(char)) continue;
    if (!SYMBOL_VALUE.has(char)) return { ok: false, reason: "characters" };
    symbols.push(char);
  }
  if (!symbols.length) return { ok: false, reason: "empty" };
  // the engine allows more only for a scan whose codes are longer than this (none is near it)
  if (symbols.length > MAX_SYMBOLS) return { ok: false, reason: "long" };
  let codeword = 0n;
  for (const char of symbols) codeword = (codeword << 5n) | SYMBOL_VALUE.get(char);
  if (crcRemainder(codeword) !== 0n) return { ok: false, reason: "checksum" };
  const format = (codeword >> CRC_BITS) & ((1n << FORMAT_BITS) - 1n);
  if (format !== 1n && format !== FORMAT) return { ok: false, reason: "format" };
  const tag = (codeword >> (CRC_BITS + FORMAT_BITS)) & ((1n << ASSESSMENT_BITS) - 1n);
  if (scanId !== null && tag !== assessmentTag(scanId)) return { ok: false, reason: "other-scan" };
  return { ok: true, canonical: symbols.map((char) => ALPHABET[Number(SYMBOL_VALUE.get(char))]).join("") };
}

/** The codes in pasted text, split as engine.team.split_codes does (one per line, or by spaces, commas, semicolons). */
// Python's line breaks (str.splitlines) and white space (str.split), which differ from JavaScript's.
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;
const WHITE_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function splitCodes(text) {
  const codes = [];
  for (let line of String(text).split(LINE_BREAK)) {
    const chat = line.includes(":");
    if (chat) line = line.slice(line.lastIndexOf(":") + 1);
    for (const part of line.split(/[,;\t]+/)) {
      const pieces = part.split(WHITE_SPACE).filter(Boolean);
      const found = pieces.length > 1 && pieces.every((piece) => [...piece].length <= 4) ? [pieces.join(" ")] : pieces;
      codes.push(...found.filter((piece) => !chat || looksLikeCode(piece)));
    }
  }
  return codes;
}

/** As engine/team.py looks_like_code: ten or more ASCII letters and digits (dashes and spaces aside), a digit among them. */
export function looksLikeCode(text) {
  const bare = text.replace(/[- ]/g, "");
  return bare.length >= 10 && /^[0-9A-Za-z]+$/.test(bare) && /[0-9]/.test(bare);
}
