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

/**
 * Every key the site writes, as documented on the privacy page (content/privacy.md);
 * the build fails when the two lists differ. The last one is mkdocs-material's:
 * it keeps the light/dark choice under "<site path>.__palette".
 */
export const KEY_PATTERNS = [
  "supportwijzer:antwoorden:<scan>:v<versie>",
  "supportwijzer:teamronde:<scan>:<team>",
  "<pad>.__palette",
];

/** The theme's own keys (mkdocs-material's __md_set), removed by "Wis alles" too. */
const THEME_KEY = /\.__(palette|tabs|source|announce|outdated|consent|search)$/;

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

  /** Remove every key this site (and its theme) ever wrote, in local and session storage, and its offline copy. */
  async clearAll() {
    memory.clear();
    for (const area of ["localStorage", "sessionStorage"]) {
      try {
        const store = window[area];
        for (let i = store.length - 1; i >= 0; i--) {
          const key = store.key(i);
          if (key && (key.startsWith(PREFIX) || THEME_KEY.test(key))) store.removeItem(key);
        }
      } catch {
        /* storage off: nothing persisted */
      }
    }
    try {
      for (const name of await caches.keys()) if (name.startsWith("supportwijzer-")) await caches.delete(name);
    } catch {
      /* no Cache Storage here (an old browser, or not a secure context) */
    }
  },
};
