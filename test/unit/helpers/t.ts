import type { Translate } from '@/lib/i18n/translate';
import en from '../../../public/_locales/en/messages.json';

export const messages: Record<string, { message: string; description?: string }> = en;

/** Fills $1…$9 in a text the way browser.i18n does ($$ is a literal $). */
export function fillMessage(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

/** English, as browser.i18n would give it. */
export const t: Translate = (key, ...subs) => {
  const entry = messages[key];
  return entry ? fillMessage(entry.message, subs.map(String)) : key;
};
