/**
 * The language choice, shared by the staff SPA (i18next) and the light public pages, so switching
 * between the two keeps the reader's language. No dependency: the public bundle imports this too.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'lantern.language';

/** Each language is named in itself, so a reader finds theirs whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose last time on this browser, else Vietnamese. */
export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Remembers the choice on this browser and sets `<html lang>`; returns the language applied. */
export function applyLanguage(lng: string): Language {
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  return language;
}
