/**
 * When a person's input (a key, a press) causes a render, React runs that render's effects
 * before the browser's next frame, and React Aria counts on it: closing a dialog lifts `inert`
 * from the page in an effect, and a frame later puts focus back on the button that opened the
 * dialog. Preact runs every effect after the next frame, so focus would be handed to a button
 * that is still inert and be lost to the page. Here the effects of renders that follow input
 * run right after the render, as React's do; other renders' effects (a note arriving from the
 * server) still wait for the frame, so they never hold up what the person sees.
 * Imported first by `main.tsx`.
 */
import 'preact/hooks'
import { options } from 'preact'

/** The events React treats as discrete input and flushes effects for. */
const INPUT_EVENTS = [
  'keydown',
  'keyup',
  'click',
  'auxclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'pointercancel',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'touchcancel',
  'focusin',
  'focusout',
  'input',
  'change',
  'beforeinput',
  'compositionend',
  'submit',
  'reset',
  'paste',
  'cut',
  'copy',
  'drop',
  'dragstart',
  'dragend',
]

/** Preact's own timing: after the next frame, or 35 ms where no frame comes (a hidden tab). */
function afterNextFrame(flush: () => void): void {
  const done = () => {
    clearTimeout(timeout)
    cancelAnimationFrame(frame)
    setTimeout(flush)
  }
  const timeout = setTimeout(done, 35)
  const frame = requestAnimationFrame(done)
}

let sinceInput = false

function scheduleEffects(flush: () => void): void {
  if (sinceInput) queueMicrotask(flush)
  else afterNextFrame(flush)
}

function noteInput(): void {
  if (sinceInput) return
  sinceInput = true
  // Preact asks for a flush only when its queue of effects was empty, or when this hook is a
  // new function: a new one makes effects already waiting for a frame run soon too.
  options.requestAnimationFrame = ((flush: () => void) =>
    scheduleEffects(flush)) as typeof requestAnimationFrame
  requestAnimationFrame(() => {
    sinceInput = false
  })
}

if (typeof window !== 'undefined') {
  for (const type of INPUT_EVENTS)
    window.addEventListener(type, noteInput, { capture: true, passive: true })
  options.requestAnimationFrame = scheduleEffects as typeof requestAnimationFrame
}
