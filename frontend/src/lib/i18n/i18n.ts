import i18next, { type i18n as I18n, type Resource } from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';

import { applyLanguage, DEFAULT_LANGUAGE, LANGUAGES, storedLanguage, type Language } from './language';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, storedLanguage, type Language } from './language';

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
