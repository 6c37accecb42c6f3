/**
 * React hands a handler an event whose fields are its own properties, and React Aria relies on
 * it: it copies the event (`{...event}`, in `createEventHandler`) before calling a component's
 * `onKeyDown`, so the copy must still say which key it was and where. A browser event, which is
 * what Preact hands on, keeps those fields as getters of its prototype, and a copy drops them:
 * Escape would no longer close a dialog. So every event Preact dispatches gets its fields as
 * enumerable getters of its own, read live (the `currentTarget` of the handler being called).
 * Imported first by `main.tsx`, after `preact/compat` has put its own hook in place.
 */
import 'preact/compat'
import { options } from 'preact'

type Getter = () => unknown

const gettersByPrototype = new Map<object, Array<[string, Getter]>>()

/** The getters an event inherits, from its own kind (KeyboardEvent…) up to Event. */
function inheritedGetters(prototype: object): Array<[string, Getter]> {
  let getters = gettersByPrototype.get(prototype)
  if (getters) return getters
  getters = []
  const seen = new Set<string>()
  for (let level = prototype; level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(level))) {
      if (seen.has(name) || !descriptor.get) continue
      seen.add(name)
      getters.push([name, descriptor.get])
    }
  }
  gettersByPrototype.set(prototype, getters)
  return getters
}

const exposed = new WeakSet<Event>()

function exposeFields(event: Event): void {
  if (exposed.has(event)) return
  exposed.add(event)
  for (const [name, get] of inheritedGetters(Object.getPrototypeOf(event))) {
    if (Object.hasOwn(event, name)) continue
    Object.defineProperty(event, name, { get, enumerable: true, configurable: true })
  }
}

const handOn = options.event
options.event = (event) => {
  const handed = handOn ? handOn(event) : event
  exposeFields(handed)
  return handed
}
