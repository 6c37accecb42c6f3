import { closeSync, constants, fdatasyncSync, fstatSync, openSync, writeSync } from 'node:fs'

/** A frame of SQLite's write-ahead log: its 24-byte header and one page (walformat.html). */
const FRAME_HEADER_BYTES = 24
const LOG_HEADER_BYTES = 32
/** Room for the frames committed while a checkpoint is under way, before the log starts over. */
const HEADROOM = 1.25

/**
 * Gives the write-ahead log the disk space it works in before the first commit: zeros from its
 * end up to the size it reaches between checkpoints (`checkpointPages` frames and headroom).
 *
 * SQLite deletes the log when the database closes, so after every start it grows again from
 * nothing, and while it grows each batch commit appends to the file: the commit's writes
 * allocate blocks, and the disk sync that follows (`fdatasync`, every ~50 ms under load) writes
 * the file's new size and block map too. Once a checkpoint has copied the log, SQLite reuses it
 * from its start: those writes overwrite blocks the file has, and the sync writes only them.
 * The growing phase lasted the first ~4 MB of log after each start (the load harness's whole
 * 20-s window at 1 × 50); with the space given here it does not happen.
 *
 * Only bytes past the log's end are written, and only before SQLite writes to it: frames a
 * crashed process left there are kept for SQLite to recover. Zeros are no frame (a frame
 * counts only with the log header's salt and a checksum running from the header), so SQLite
 * reads the log as ending where its frames end, as it reads a reused log's older frames.
 */
export function reserveLogSpace(file: string, pageSize: number, checkpointPages: number): void {
  const wanted =
    LOG_HEADER_BYTES + Math.ceil(checkpointPages * HEADROOM) * (pageSize + FRAME_HEADER_BYTES)
  let log: number | null = null
  try {
    log = openSync(`${file}-wal`, constants.O_RDWR | constants.O_CREAT)
    const zeros = Buffer.alloc(64 * 1024)
    let size = fstatSync(log).size
    if (size >= wanted) return
    while (size < wanted) {
      size += writeSync(log, zeros, 0, Math.min(zeros.byteLength, wanted - size), size)
    }
    // On disk with its blocks now, so that the first commits' syncs need not write them.
    fdatasyncSync(log)
  } catch {
    // Only a saving: on a full disk the server starts as before (zeros written are no frames),
    // and SQLite reports whatever keeps it from writing the log itself.
  } finally {
    if (log !== null) closeSync(log)
  }
}
