import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
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

/**
 * Runs a poppler tool on the PDF and returns what it prints. Asynchronously: a test that blocks
 * the event loop for seconds (a busy machine) leaves the in-process server's idle keep-alive
 * sockets to be closed under the next request, which then fails with ECONNRESET.
 */
async function poppler(tool: string, bytes: Uint8Array, args: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'minutes-pdf-'))
  try {
    const file = join(dir, 'minutes.pdf')
    await writeFile(file, bytes)
    const out = [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])]
    return await new Promise<string>((resolve, reject) =>
      execFile(tool, out, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export const pdfText = (bytes: Uint8Array) => poppler('pdftotext', bytes, ['-enc', 'UTF-8'])
export const pdfInfo = (bytes: Uint8Array) => poppler('pdfinfo', bytes)
export const pdfFonts = (bytes: Uint8Array) => poppler('pdffonts', bytes)
/** Every word of the PDF with its page and box in points from the page's top left (`pdftotext -bbox`). */
export async function pdfWords(bytes: Uint8Array): Promise<PdfWord[]> {
  const html = await poppler('pdftotext', bytes, ['-enc', 'UTF-8', '-bbox'])
  const words: PdfWord[] = []
  for (const [i, page] of html.split('<page ').slice(1).entries()) {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const [xMin, yMin, xMax, yMax] = m.slice(1, 5).map(Number) as [number, number, number, number]
      words.push({ page: i + 1, text: m[5] as string, xMin, yMin, xMax, yMax })
    }
  }
  return words
}

export interface PdfWord {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** The structure tree's elements and attributes (`pdfinfo -struct`). */
export const pdfStructure = (bytes: Uint8Array) => poppler('pdfinfo', bytes, ['-struct'])

/** An HTML document parsed by a real HTML parser. */
export function parseHtml(html: string): HtmlDocument {
  const window = new Window()
  window.document.write(html)
  return window.document
}

/** The structure tree with the text of each element, in the tree's (the reading) order. */
export const pdfStructureText = (bytes: Uint8Array) => poppler('pdfinfo', bytes, ['-struct-text'])
