import { join } from 'node:path'
import type { Plugin, Rolldown } from 'vite'

/** The second entry: a few hundred bytes that start the first request (`src/boot/early.ts`). */
const EARLY_ENTRY = 'src/boot/early.ts'

/**
 * Shapes the first HTML for a slow network:
 * - the stylesheets move to the end of `<body>`, after the loading screen (styled inline):
 *   a stylesheet in `<head>` holds back every paint until it arrives, one more round trip on
 *   venue wifi; the app's scripts still wait for it, so the app never shows unstyled;
 * - `boot/early.ts` is built as an entry of its own and loaded `async` beside the app, so it
 *   runs as soon as it arrives instead of after React.
 */
export function shellHtml(): Plugin {
  let base = '/'
  return {
    name: 'hytepaja:shell-html',
    apply: 'build',
    config(config) {
      const root = config.root ?? process.cwd()
      return {
        build: {
          rolldownOptions: {
            input: { index: join(root, 'index.html'), early: join(root, EARLY_ENTRY) },
          },
        },
      }
    },
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const early = Object.values(bundle ?? {}).find(
          (o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry && o.name === 'early',
        )
        if (!early) throw new Error(`${EARLY_ENTRY} was not built as an entry`)
        // Vite writes each tag on a line of its own.
        const lines = html.split('\n')
        const isStyle = (line: string) => line.trim().startsWith('<link rel="stylesheet"')
        const styles = lines.filter(isStyle).map((line) => line.trim())
        const earlyTags = [
          `<script type="module" async crossorigin src="${base}${early.fileName}"></script>`,
          ...early.imports
            .filter((f) => !html.includes(`href="${base}${f}"`))
            .map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`),
        ]
        return lines
          .filter((line) => !isStyle(line))
          .flatMap((line) => {
            const indent = line.slice(0, line.length - line.trimStart().length)
            if (line.trim().startsWith('<script type="module"'))
              return [...earlyTags.map((tag) => indent + tag), line]
            if (line.trim() === '</body>')
              return [...styles.map((tag) => `${indent}  ${tag}`), line]
            return [line]
          })
          .join('\n')
      },
    },
  }
}
