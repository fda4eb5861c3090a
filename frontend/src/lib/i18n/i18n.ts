import i18next, { type i18n as I18n, type Resource } from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'lantern.language';

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

function applyLanguage(lng: string) {
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export interface I18nOptions {
  lng?: Language;
  /** Translations given in memory (tests); without them they load from `/locales/{lng}/{ns}.json`. */
  resources?: Resource;
}

/**
 * One namespace per feature (`home`, `account`, …) plus `common` for the shell and errors;
 * a feature's namespace loads when its first component asks for it.
 */
export function createI18n({ lng = storedLanguage(), resources }: I18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  if (!resources) {
    instance.use(HttpBackend);
  }
  instance.use(initReactI18next);
  instance.on('languageChanged', applyLanguage);
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['common'],
    defaultNS: 'common',
    resources,
    initAsync: !resources,
    interpolation: { escapeValue: false }, // React escapes
    backend: resources
      ? undefined
      : {
          loadPath: '/locales/{{lng}}/{{ns}}.json',
          queryStringParams: { v: __BUILD_ID__ },
        },
  });
  return instance;
}
