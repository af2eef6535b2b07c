import { translator } from '@/lib/i18n/translate';
import en from '../../../public/_locales/en/messages.json';

/** English, as browser.i18n would give it. */
export const t = translator(en);
export const messages: Record<string, { message: string; description?: string }> = en;
