import type en from '../../public/_locales/en/messages.json';

/** Every message id in the English message file; a typo is a type error. */
export type MessageKey = keyof typeof en & string;

/** A message to show later: pure modules return these, the UI translates them. */
export interface Msg {
  key: MessageKey;
  /** Values for $1, $2…: numbers and names. Rendered as text, never as HTML. */
  subs?: string[];
}

/** Gives the text of a message; `browser.i18n` in the extension (lib/t.ts), a table in tests. */
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

/** Fills $1…$9 in a message the way browser.i18n does ($$ is a literal $). */
export function fillMessage(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

/** A Translate over a message table (a messages.json read as JSON): for tests and tools. */
export function translator(messages: Record<string, { message: string }>): Translate {
  return (key, ...subs) => {
    const entry = messages[key];
    return entry ? fillMessage(entry.message, subs.map(String)) : key;
  };
}

/** Translates a Msg. */
export function tm(t: Translate, msg: Msg): string {
  return t(msg.key, ...(msg.subs ?? []));
}
