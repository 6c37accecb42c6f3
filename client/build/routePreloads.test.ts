import { describe, expect, it } from 'vitest'
import { preloadsOf } from './routePreloads.ts'

type Bundle = Parameters<typeof preloadsOf>[0]

const chunk = (
  fileName: string,
  imports: string[],
  extra: { isEntry?: boolean; facadeModuleId?: string; css?: string[] } = {},
) => ({
  type: 'chunk' as const,
  fileName,
  imports,
  isEntry: extra.isEntry ?? false,
  facadeModuleId: extra.facadeModuleId ?? null,
  viteMetadata: { importedCss: new Set(extra.css ?? []), importedAssets: new Set<string>() },
})

const bundle = Object.fromEntries(
  [
    chunk('assets/index-1.js', ['assets/react-1.js'], {
      isEntry: true,
      css: ['assets/index-1.css'],
    }),
    chunk('assets/react-1.js', []),
    chunk('assets/JoinPage-1.js', ['assets/react-1.js', 'assets/RadioCards-1.js'], {
      facadeModuleId: '/app/src/pages/JoinPage.tsx',
    }),
    chunk('assets/RadioCards-1.js', [], { css: ['assets/RadioCards-1.css'] }),
    chunk('assets/BoardPage-1.js', ['assets/sync-1.js', 'assets/RadioCards-1.js'], {
      facadeModuleId: '/app/src/pages/BoardPage.tsx',
      css: ['assets/BoardPage-1.css'],
    }),
    chunk('assets/sync-1.js', []),
  ].map((c) => [c.fileName, c]),
) as unknown as Bundle

describe("a route's preloads", () => {
  it("names the page's chunks and styles, not those the entry brings", () => {
    const [join, board] = preloadsOf(
      bundle,
      [
        { path: '/e/:eventId/join', modules: ['/app/src/pages/JoinPage.tsx'] },
        { path: '/e/:eventId/g/:groupId', modules: ['/app/src/pages/BoardPage.tsx'] },
      ],
      '/',
    )
    expect(join).toEqual({
      path: '/e/:eventId/join',
      modules: ['/assets/JoinPage-1.js', '/assets/RadioCards-1.js'],
      styles: ['/assets/RadioCards-1.css'],
    })
    expect(board?.modules.sort()).toEqual([
      '/assets/BoardPage-1.js',
      '/assets/RadioCards-1.js',
      '/assets/sync-1.js',
    ])
    expect(board?.styles.sort()).toEqual(['/assets/BoardPage-1.css', '/assets/RadioCards-1.css'])
  })

  it('fails the build when a page is not a chunk of its own', () => {
    expect(() =>
      preloadsOf(bundle, [{ path: '/x', modules: ['/app/src/pages/Missing.tsx'] }], '/'),
    ).toThrow(/Missing\.tsx/)
  })
})
