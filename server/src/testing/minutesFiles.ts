import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { type Document as HtmlDocument, Window } from 'happy-dom'

/** One part of a DOCX (a zip), e.g. `word/document.xml`, as text. */
export function docxPart(bytes: Uint8Array, part: string): string {
  const files = unzipSync(bytes)
  const file = files[part]
  if (!file) throw new Error(`no ${part} in the DOCX (has ${Object.keys(files).join(', ')})`)
  return strFromU8(file)
}

/** The texts of every `<w:t>` of a part, unescaped, joined as Word would show them. */
export function docxText(xml: string): string {
  const document = new Window().document
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => {
      const node = document.createElement('div')
      node.innerHTML = m[1] as string
      return node.textContent
    })
    .join('')
}

/** Runs a poppler tool on the PDF and returns what it prints. */
function poppler(tool: string, bytes: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-pdf-'))
  try {
    const file = join(dir, 'minutes.pdf')
    writeFileSync(file, bytes)
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const pdfText = (bytes: Uint8Array) => poppler('pdftotext', bytes, ['-enc', 'UTF-8'])
export const pdfInfo = (bytes: Uint8Array) => poppler('pdfinfo', bytes)
export const pdfFonts = (bytes: Uint8Array) => poppler('pdffonts', bytes)
/** The catalog and the structure tree's element types, from the raw file (uncompressed parts). */
export const pdfStructure = (bytes: Uint8Array) => poppler('pdfinfo', bytes, ['-struct'])

/** An HTML document parsed by a real HTML parser. */
export function parseHtml(html: string): HtmlDocument {
  const window = new Window()
  window.document.write(html)
  return window.document
}
