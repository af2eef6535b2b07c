import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLURAL_CATEGORIES } from '@/lib/i18n/translate';

export type MessageFile = Record<string, { message: string; description?: string }>;

const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');

/** Every message file but English's, by folder name (`pt_BR`). */
export const translations: Readonly<Record<string, MessageFile>> = Object.fromEntries(
  readdirSync(LOCALES_DIR)
    .filter((folder) => folder !== 'en')
    .map((folder) => [folder, JSON.parse(readFileSync(join(LOCALES_DIR, folder, 'messages.json'), 'utf8'))]),
);

/** A folder name as a BCP 47 tag: `pt_BR` → `pt-BR`. */
export const tagOf = (folder: string) => folder.replace('_', '-');

/** The key a plural form belongs to, and its category: `popup_imported__one` → ['popup_imported', 'one']. */
export function pluralForm(key: string): [string, string] | null {
  const m = new RegExp(`^(.+)__(${PLURAL_CATEGORIES.join('|')})$`).exec(key);
  return m ? [m[1] as string, m[2] as string] : null;
}

/** The plural categories a language's Intl.PluralRules can answer, besides "other". */
export function categoriesOf(tag: string): string[] {
  return new Intl.PluralRules(tag).resolvedOptions().pluralCategories.filter((c) => c !== 'other');
}

/** A text's placeholders, `$1`…`$9`, each as often as it occurs, sorted. */
export const placeholders = (text: string) => (text.match(/\$[1-9]/g) ?? []).sort();
