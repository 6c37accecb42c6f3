import type { MessageFormatElement } from 'react-intl'
import fi from './fi.json'
import type { Locale } from './locales'

/** A catalog as the build delivers it: ICU strings in development, precompiled trees in builds. */
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>

/** Finnish ships with the page; Swedish and English load when someone picks them. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'fi':
      return fi
    case 'sv':
      return (await import('./sv.json')).default
    case 'en':
      return (await import('./en.json')).default
  }
}

export const defaultMessages: Messages = fi
