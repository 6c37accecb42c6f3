import { attendanceSection } from './attendance.js'
import { checkingSection } from './checking.js'
import { buildContext, type MinutesOptions } from './context.js'
import { isoDay } from './dates.js'
import { factsSection, rolesSection } from './header.js'
import { itemSections } from './items.js'
import { LANGUAGE_TAGS, type Minutes, type MinutesLanguage } from './model.js'
import { type MinutesSource, sourceIn } from './source.js'

export type { MinutesOptions } from './context.js'

/**
 * The decision minutes of one event in one language, from one snapshot of its event document
 * and the attendance. Pure: the same source gives the same minutes, on the server (the files)
 * and in the browser (the preview).
 */
export function buildMinutes(
  source: MinutesSource,
  lang: MinutesLanguage,
  options: MinutesOptions = {},
): Minutes {
  const local = sourceIn(source, lang)
  const ctx = buildContext(local, lang, options)
  const { t } = ctx
  const { check, meta } = local
  const final = check.state === 'locked'
  const version = t('document.version', { version: check.version })
  const start = new Date(meta.startsAt)
  const day = Number.isNaN(start.getTime()) ? null : isoDay(start, options.timeZone)
  const stem = [
    t('document.fileName'),
    day,
    final ? null : t('document.draft').toLowerCase(),
    check.version > 1 ? `v${check.version}` : null,
  ]
  return {
    lang,
    langTag: LANGUAGE_TAGS[lang],
    status: final ? 'final' : 'draft',
    version: check.version,
    sha256: final ? check.hash : null,
    kind: t('document.kind'),
    title: t('document.title', { event: meta.title }),
    eventTitle: meta.title,
    statusLine: `${final ? t('document.final') : t('document.draft')} · ${version}`,
    draftNotice: final ? null : t('document.draftNotice'),
    pageLabel: t('document.page'),
    fileStem: stem.filter((part) => part !== null).join('-'),
    sections: [
      factsSection(ctx),
      attendanceSection(ctx),
      rolesSection(ctx),
      ...itemSections(ctx),
      checkingSection(ctx),
    ],
  }
}
