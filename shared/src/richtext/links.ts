/**
 * Which link targets a proposal may carry. Only web links: the text is published in the
 * minutes, the toolbar offers web links only, and an e-mail address is better written out as
 * text than as a `mailto:` link that invites harvesting. So `mailto:`, `tel:`, `javascript:`,
 * `data:`, `vbscript:`, relative and protocol-relative addresses are all refused.
 */

export const MAX_LINK_URL_LENGTH = 2048

// A host label: letters (Finnish municipalities have "ä" in their domains) or digits, with
// inner hyphens.
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?'
// No user info before the host: "https://bank.fi@evil.example" shows one host and opens
// another. After the host, anything but whitespace, controls, quotes, angle brackets,
// backslashes and backticks, which browsers repair in ways that differ from ours.
const SAFE_LINK = new RegExp(
  `^https?://(?:${LABEL}\\.)*${LABEL}\\.?(?::\\d{1,5})?(?:[/?#][^\\s\\p{Cc}\\p{Cf}\\uFDD0-\\uFDEF\\uFFFE\\uFFFF"<>\\\\\`]*)?$`,
  'iu',
)

/** True for an absolute http(s) address that is safe to put in `href` as it is. */
export function isSafeLinkUrl(url: string): boolean {
  return url.length <= MAX_LINK_URL_LENGTH && SAFE_LINK.test(url)
}

/**
 * What the link dialog stores for what a person typed: trimmed, `https://` added to a bare
 * host such as `www.hel.fi/x`, or `null` when the result is not a safe link.
 */
export function toSafeLinkUrl(typed: string): string | null {
  const trimmed = typed.trim()
  // A scheme is letters before a colon; `host:8080` is a host with a port, not a scheme.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`
  return isSafeLinkUrl(withScheme) ? withScheme : null
}
