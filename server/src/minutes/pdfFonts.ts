import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * DejaVu Sans (the `dejavu-fonts-ttf` package; Bitstream Vera licence, free to embed): full
 * Latin-1 and Latin Extended-A, so ä ö å š ž € and the rest of Finland's names print. Read on
 * the first PDF, then kept.
 */
export interface MinutesFonts {
  regular: Buffer
  bold: Buffer
}

let fonts: MinutesFonts | null = null

export function minutesFonts(): MinutesFonts {
  if (!fonts) {
    const require = createRequire(import.meta.url)
    const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))
    fonts = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') }
  }
  return fonts
}
