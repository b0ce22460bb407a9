import type { TranslationMessages } from 'react-admin';
import { appZh } from './zh/app';
import { raZh } from './zh/ra';

/** The default language: react-admin's messages and ours, all in Simplified Chinese. */
export const zh: TranslationMessages = { ...raZh, ...appZh } as TranslationMessages;
