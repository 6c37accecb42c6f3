import type { EditorThemeClasses } from 'lexical'

/** Class names for what the editor renders; the look is in styles/proposal-editor.css. */
export const RICH_TEXT_THEME: EditorThemeClasses = {
  paragraph: 'rt__p',
  list: {
    ul: 'rt__ul',
    ol: 'rt__ol',
    listitem: 'rt__li',
    nested: { listitem: 'rt__li--nested' },
  },
  link: 'rt__link',
  text: { bold: 'rt__bold', italic: 'rt__italic' },
  collaboration: { cursor: 'rt-cursor', cursorName: 'rt-cursor__name' },
}
