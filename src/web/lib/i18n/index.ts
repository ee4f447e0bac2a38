import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.js';
import { vi } from './vi.js';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'ocop.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'vi';
}

export async function changeLanguage(lng: Language): Promise<void> {
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice simply lasts for this page load.
  }
}

/** A {vi, en} pair from the domain (legal forms, roles…) in the current UI language. */
export type Label = { readonly vi: string; readonly en: string };

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

/** Picks the right half of domain label records, re-rendering when the language changes. */
export function useLabel(): (label: Label) => string {
  const language = useLanguage();
  return (label) => label[language];
}

/** Both languages of one key, for validation messages that must follow later language switches. */
export function bilingual(key: ParseKeys): Label {
  return { vi: i18next.t(key, { lng: 'vi' }), en: i18next.t(key, { lng: 'en' }) };
}
