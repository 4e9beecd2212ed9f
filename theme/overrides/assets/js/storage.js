/**
 * What the site keeps in the browser, and nothing else: localStorage under the
 * keys below, no cookies. The privacy page lists these keys; the build checks
 * that list against KEYS (one source of truth).
 *
 * When storage is off or full (private mode), values live in memory for as
 * long as the tab is open, and `persistent` says so, so the page can tell the user.
 */
export const PREFIX = "supportwijzer:";

export const KEYS = {
  answers: (scanId, version) => `${PREFIX}antwoorden:${scanId}:v${version}`,
  team: (scanId, label) => `${PREFIX}teamronde:${scanId}:${label}`,
};

/** The documented key patterns (for the privacy page and its build check). */
export const KEY_PATTERNS = ["supportwijzer:antwoorden:<scan>:v<versie>", "supportwijzer:teamronde:<scan>:<team>"];

const memory = new Map();

function probe() {
  try {
    const key = `${PREFIX}probe`;
    window.localStorage.setItem(key, "1");
    window.localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

export const storage = {
  persistent: probe(),

  /** The parsed value, or null; `corrupt` is true when something was there but unreadable. */
  read(key) {
    let raw = null;
    try {
      raw = this.persistent ? window.localStorage.getItem(key) : memory.get(key) ?? null;
    } catch {
      raw = memory.get(key) ?? null;
    }
    if (raw === null) return { value: null, corrupt: false };
    try {
      return { value: JSON.parse(raw), corrupt: false };
    } catch {
      return { value: null, corrupt: true };
    }
  },

  write(key, value) {
    const raw = JSON.stringify(value);
    memory.set(key, raw);
    if (!this.persistent) return false;
    try {
      window.localStorage.setItem(key, raw);
      return true;
    } catch {
      this.persistent = false; // full or refused: keep going in memory, and say so
      return false;
    }
  },

  remove(key) {
    memory.delete(key);
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* nothing stored there to remove */
    }
  },

  /** Remove every key this site ever wrote. */
  clearAll() {
    for (const key of [...memory.keys()]) if (key.startsWith(PREFIX)) memory.delete(key);
    try {
      for (let i = window.localStorage.length - 1; i >= 0; i--) {
        const key = window.localStorage.key(i);
        if (key && key.startsWith(PREFIX)) window.localStorage.removeItem(key);
      }
    } catch {
      /* storage off: nothing persisted */
    }
  },
};
