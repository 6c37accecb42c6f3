/**
 * `next` of a value that may still be coming: called at once when the value is here, after it
 * otherwise. The join path's checks are written so: what is already in memory (a kept session,
 * a loaded document) then costs no promise, no promise job and no suspended function.
 */
export function whenKnown<T, U>(
  value: T | Promise<T>,
  next: (value: T) => U | Promise<U>,
): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value)
}
