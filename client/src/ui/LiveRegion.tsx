/**
 * A polite status region that exists before anything is said in it: screen readers only
 * announce changes to regions they already know about.
 */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  )
}
