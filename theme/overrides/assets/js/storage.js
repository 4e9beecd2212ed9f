/**
 * What the site keeps in the browser, and nothing else: localStorage under the
 * keys below, no cookies. The privacy page lists these keys; the build checks
 * that list against KEYS (one source of truth).
 *
 * When storage is off or full (private mode), values live in memory for as
 * long as the tab is open, and `persistent` says so, so the page can tell the user.
 * Tabs of the same site share localStorage; `watch` follows what the others write.
 */
export const PREFIX = "supportwijzer:";

export const KEYS = {
  answers: (scanId, version) => `${PREFIX}antwoorden:${scanId}:v${version}`,
  team: (scanId, label) => `${PREFIX}teamronde:${scanId}:${label}`,
  // the open questions at the end of a scan: only ever on this device, never in a code or to the engine
  reflection: (scanId, version) => `${PREFIX}reflectie:${scanId}:v${version}`,
  // the kiosk (one device, members in turn): the answers of the member at work, removed on "Klaar"
  kiosk: (scanId, version, label) => `${PREFIX}kiosk:${scanId}:v${version}:${label}`,
  // the organisation page: the team result files a coordinator read in (figures per team, no codes)
  organisation: (scanId) => `${PREFIX}organisatie:${scanId}`,
  // how a phone shows a scan's questions: "een" (one per screen) or "alle"; one choice for every scan
  answerMode: () => `${PREFIX}weergave`,
};

/**
 * Every key the site writes, as documented on the privacy page (content/privacy.md);
 * the build fails when the two lists differ. The last one is mkdocs-material's:
 * it keeps the light/dark choice under "<site path>.__palette".
 */
export const KEY_PATTERNS = [
  "supportwijzer:antwoorden:<scan>:v<versie>",
  "supportwijzer:teamronde:<scan>:<team>",
  "supportwijzer:reflectie:<scan>:v<versie>",
  "supportwijzer:kiosk:<scan>:v<versie>:<team>",
  "supportwijzer:organisatie:<scan>",
  "supportwijzer:weergave",
  "<pad>.__palette",
];

/** The theme's own keys (mkdocs-material's __md_set), removed by "Wis alles" too. */
const THEME_KEY = /\.__(palette|tabs|source|announce|outdated|consent|search)$/;

const memory = new Map();

function parse(raw) {
  if (raw === null) return { value: null, corrupt: false };
  try {
    return { value: JSON.parse(raw), corrupt: false };
  } catch {
    return { value: null, corrupt: true };
  }
}

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
    return parse(raw);
  },

  /**
   * Follow what other tabs of this site write under `key` (the browser's storage event; a tab
   * never gets one for its own writes). `listener` gets each new value as read() gives it, in
   * order, so a removal is a value of null. Returns a function that stops following.
   */
  watch(key, listener) {
    const onStorage = (event) => {
      if (!this.persistent || (event.key !== key && event.key !== null)) return;
      try {
        if (event.storageArea !== window.localStorage) return;
      } catch {
        return;
      }
      // a key of null: the other tab emptied all of localStorage
      listener(event.key === null ? this.read(key) : parse(event.newValue));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
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

  /**
   * Remove every key this site (and its theme) ever wrote, in local and session storage, and its
   * offline copy: the service worker of this site (so it stores nothing again) and its caches.
   * Resolves with whether it all went: false when something of the offline copy is still there.
   */
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
    // A service worker that is still installing can write a cache just after it was deleted:
    // check, and go again a few times before saying that everything is gone.
    for (let attempt = 0; attempt < 5; attempt++) {
      for (const registration of await ownRegistrations()) {
        try {
          await registration.unregister();
        } catch {
          /* checked below */
        }
      }
      for (const name of await ownCaches()) {
        try {
          await caches.delete(name);
        } catch {
          /* checked below */
        }
      }
      if (!(await ownRegistrations()).length && !(await ownCaches()).length) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  },
};

/** This site's root (this file is assets/js/storage.js): the scope of its service worker. */
const SITE_ROOT = new URL("../../", import.meta.url).href;

/** The service workers of this site; other sites on the same host (org.github.io/other/) are left alone. */
async function ownRegistrations() {
  try {
    return (await navigator.serviceWorker.getRegistrations()).filter((r) => r.scope.startsWith(SITE_ROOT));
  } catch {
    return []; // no service workers here (an old browser, or not a secure context)
  }
}

async function ownCaches() {
  try {
    return (await caches.keys()).filter((name) => name.startsWith("supportwijzer-"));
  } catch {
    return []; // no Cache Storage here
  }
}
