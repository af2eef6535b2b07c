import { type Lookup, type Translate, translator } from '@/lib/i18n/translate';
import en from '../../../public/_locales/en/messages.json';

type MessageFile = Record<string, { message: string; description?: string }>;

export const messages: MessageFile = en;

/** Fills $1…$9 in a text the way browser.i18n does ($$ is a literal $). */
export function fillMessage(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

/** A message file as browser.i18n.getMessage would read it ('' for a key it lacks). */
export function lookupIn(file: MessageFile): Lookup {
  return (key, subs) => {
    const entry = file[key];
    return entry ? fillMessage(entry.message, subs) : '';
  };
}

/** English, as the extension's `t` gives it in an English browser. */
export const t: Translate = translator(lookupIn(messages), 'en');
