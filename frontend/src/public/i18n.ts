import { applyLanguage, storedLanguage, type Language } from '../lib/i18n/language';

/**
 * Translations for the public pages without i18next: the SPA's own locale files
 * (`/locales/{lng}/{ns}.json`), fetched once per language, and `{{name}}` interpolation, all the
 * public texts use. The language choice is the SPA's (same storage key, `<html lang>`).
 */
export type Namespace = 'common' | 'citizen' | 'feedback';
type Messages = { [key: string]: string | Messages };
export type Vars = Record<string, string | number>;
export type T = (key: string, vars?: Vars) => string;

/** The namespaces the current page needs; set once at start, before the first `switchLanguage`. */
let namespaces: readonly Namespace[] = ['common', 'citizen', 'feedback'];

export function needNamespaces(list: readonly Namespace[]) {
  namespaces = list;
}
const cache = new Map<string, Promise<Messages>>();
const messages: Partial<Record<Language, Partial<Record<Namespace, Messages>>>> = {};
let current: Language = storedLanguage();

export function language(): Language {
  return current;
}

function fetchMessages(lng: Language, ns: Namespace): Promise<Messages> {
  const url = `/locales/${lng}/${ns}.json?v=${__BUILD_ID__}`;
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<Messages>;
    });
    // A failed download is tried again next time rather than remembered.
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Loads the texts of `lng` and makes it the page's language (remembered, `<html lang>`). */
export async function switchLanguage(lng: Language): Promise<void> {
  const wanted = namespaces;
  const loaded = await Promise.all(wanted.map((ns) => fetchMessages(lng, ns)));
  messages[lng] = Object.fromEntries(wanted.map((ns, i) => [ns, loaded[i]]));
  current = applyLanguage(lng);
}

function lookup(lng: Language, ns: Namespace, key: string): string | undefined {
  let node: string | Messages | undefined = messages[lng]?.[ns];
  for (const part of key.split('.')) {
    if (node == null || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The text for `key` of `ns` in the current language (Vietnamese when missing), `{{name}}` filled in. */
export function t(ns: Namespace, key: string, vars?: Vars): string {
  const text = lookup(current, ns, key) ?? lookup('vi', ns, key) ?? key;
  return vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** `t` bound to one namespace; `common:…` keys still reach the shared texts. */
export function translator(ns: Namespace): T {
  return (key, vars) => (key.startsWith('common:') ? t('common', key.slice(7), vars) : t(ns, key, vars));
}
