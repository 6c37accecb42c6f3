import { useEffect, useState } from 'react'
import type { SyncStatus } from '../../sync/connectionState'
import type { SyncedDoc } from '../../sync/openDoc'
import { combineStatus } from './combinedStatus'

const serials = new WeakMap<SyncedDoc, number>()
let nextSerial = 0
const serialOf = (doc: SyncedDoc) => {
  let serial = serials.get(doc)
  if (serial === undefined) {
    serial = nextSerial++
    serials.set(doc, serial)
  }
  return serial
}

/** The combined status of the documents a view has open, updated as any of them changes. */
export function useCombinedStatus(docs: Array<SyncedDoc | null>): SyncStatus {
  const open = docs.filter((d): d is SyncedDoc => d !== null)
  const [status, setStatus] = useState(() => combineStatus(open.map((d) => d.status())))
  const key = open.map(serialOf).join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: the set of documents is what `key` names.
  useEffect(() => {
    const refresh = () => {
      const next = combineStatus(open.map((d) => d.status()))
      setStatus((prev) =>
        (Object.keys(next) as Array<keyof SyncStatus>).every((k) => prev[k] === next[k])
          ? prev
          : next,
      )
    }
    refresh()
    const offs = open.map((d) => d.onStatus(refresh))
    return () => {
      for (const off of offs) off()
    }
  }, [key])
  return status
}
