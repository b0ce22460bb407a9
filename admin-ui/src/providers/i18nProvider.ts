import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';

export type AppLocale = 'zh' | 'en';

const STORAGE_KEY = 'insuredesk.locale';
export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

function savedLocale(): AppLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyDocumentLocale(locale: string): void {
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
}

const initial = savedLocale();
applyDocumentLocale(initial);

// Chinese is the default; the saved choice is applied before the first render, so a user who chose
// English never sees a flash of Chinese on reload.
const polyglot = polyglotI18nProvider((locale) => (locale === 'en' ? en : zh), initial, LOCALES);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    applyDocumentLocale(locale);
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Without storage the choice lasts until the tab is closed.
    }
  },
};

/** For code outside React (the data provider) that needs a message in the current language. */
export const translate = (key: string, options?: Record<string, unknown>): string => i18nProvider.translate(key, options);

export const currentLocale = (): AppLocale => (i18nProvider.getLocale() === 'en' ? 'en' : 'zh');
