type PlacementCode = typeof import('./newPlaces')

let loaded: PlacementCode | null = null

/**
 * Where new notes and clusters go is measured on the canvas's layout (note sizes, frames, free
 * spots: ~3 kB gzip) that a phone's lane never draws. The dialogs that write load it with
 * their own code (`BoardDialogs`), so it is here whenever one of them submits.
 */
export function loadPlacement(): Promise<PlacementCode> {
  return import('./newPlaces').then((code) => {
    loaded = code
    return code
  })
}

/** The placement code, loaded by the dialog that is writing (see `loadPlacement`). */
export function placement(): PlacementCode {
  if (!loaded) throw new Error('The placement code is loaded with the dialogs that write')
  return loaded
}
