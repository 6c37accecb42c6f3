import type { Minutes } from '@hytepaja/shared/minutes/model'
import { renderHtml } from './html.js'

export const MINUTES_FORMATS = ['html', 'docx', 'pdf'] as const
export type MinutesFormat = (typeof MINUTES_FORMATS)[number]

export const CONTENT_TYPES: Record<MinutesFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/**
 * Renders minutes in one format. DOCX and PDF (their libraries and the font) load on the
 * first request for them, so a server that never makes minutes never pays for them in memory.
 */
export async function renderMinutes(minutes: Minutes, format: MinutesFormat): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderHtml(minutes))
    case 'docx':
      return (await import('./docx.js')).renderDocx(minutes)
    case 'pdf':
      return (await import('./pdf.js')).renderPdf(minutes)
  }
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: an ASCII name for old clients (letters
 * without their accents, anything else a hyphen) and the real name for the rest (RFC 6266).
 */
export function contentDisposition(stem: string, format: string): string {
  const ascii = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const name = `${ascii || 'minutes'}.${format}`
  const utf8 = encodeURIComponent(`${stem}.${format}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${name}"; filename*=UTF-8''${utf8}`
}
