/** The language in force (switchable, remembered) and the words of the shared messages module. */
import { createContext, useContext } from 'react';
import { codeText, LANGUAGES, uiText, type Language, type UiKey } from '../../src/console/messages.ts';

export { LANGUAGES, type Language };

export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function savedLanguage(): Language {
  const saved = localStorage.getItem('negiz-console-language');
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'kk';
}

export const LanguageContext = createContext<Language>('kk');

export function useWords(): { t: (key: UiKey) => string; code: (code: string) => string; language: Language } {
  const language = useContext(LanguageContext);
  return { t: (key) => uiText(language, key), code: (c) => codeText(language, c), language };
}
