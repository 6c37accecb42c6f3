import { create } from 'qrcode'
import { useMemo } from 'react'

export interface QrCodeProps {
  /** The text to encode (a link). */
  value: string
  /** What the picture is, for screen readers ("QR-koodi: liittymislinkki"). */
  label: string
  className?: string
}

/** The quiet zone the QR standard asks for, in modules. */
const MARGIN = 4

/**
 * A QR code drawn as inline SVG on the device: the link (and its token) never leaves the page
 * in an image request, and the code prints sharp at any size. Dark modules are merged into
 * horizontal runs to keep the path short.
 */
export function QrCode({ value, label, className }: QrCodeProps) {
  const { path, size } = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: 'M' })
    const parts: string[] = []
    for (let y = 0; y < modules.size; y++) {
      let x = 0
      while (x < modules.size) {
        if (!modules.data[y * modules.size + x]) {
          x++
          continue
        }
        const start = x
        while (x < modules.size && modules.data[y * modules.size + x]) x++
        parts.push(`M${start + MARGIN} ${y + MARGIN}h${x - start}v1h${start - x}z`)
      }
    }
    return { path: parts.join(''), size: modules.size + 2 * MARGIN }
  }, [value])

  return (
    <svg
      className={['qr-code', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
