import { describe, expect, it } from 'vitest'
import {
  checkEventForm,
  EMPTY_EVENT_FORM,
  type EventFormValues,
  eventPatch,
  formFromMeta,
  localParts,
  splitMunicipalities,
  toInstant,
} from './eventForm'

const filled: EventFormValues = {
  ...EMPTY_EVENT_FORM,
  title: 'Hyte-neuvottelu, Jämsän kuntaryhmä',
  municipalities: 'Jämsä, Keuruu;Multia\n Petäjävesi ,',
  date: '2026-09-12',
  startTime: '09:00',
  endTime: '15:30',
}

describe('event form', () => {
  it('splits municipalities on commas, semicolons and lines, once each', () => {
    expect(splitMunicipalities(filled.municipalities)).toEqual([
      'Jämsä',
      'Keuruu',
      'Multia',
      'Petäjävesi',
    ])
    expect(splitMunicipalities(' , Jämsä,jämsä, Jämsä ')).toEqual(['Jämsä', 'jämsä'])
  })

  it('turns the local date and times into instants and back', () => {
    const start = toInstant('2026-09-12', '09:00')
    expect(start).not.toBeNull()
    expect(localParts(start)).toEqual({ date: '2026-09-12', time: '09:00' })
    expect(toInstant('2026-09-12', '9:00')).toBeNull()
    expect(toInstant('', '09:00')).toBeNull()
    expect(localParts(null)).toEqual({ date: '', time: '' })
  })

  it('accepts a filled form and builds the request from it', () => {
    expect(checkEventForm(filled)).toEqual({})
    const patch = eventPatch({ ...filled, place: '  ', remoteUrl: ' https://teams.example/x ' })
    expect(patch.municipalities).toHaveLength(4)
    expect(patch.place).toBeNull()
    expect(patch.remoteUrl).toBe('https://teams.example/x')
    expect(patch.endsAt && patch.startsAt && patch.endsAt > patch.startsAt).toBe(true)
    expect(formFromMeta({ id: 'e', ...patch } as never).endTime).toBe('15:30')
  })

  it('names each problem with a stable code', () => {
    expect(
      checkEventForm({
        ...filled,
        title: ' ',
        date: '',
        endTime: '08:00',
        remoteUrl: 'javascript:alert(1)',
      }),
    ).toEqual({
      title: 'event.title.empty',
      date: 'event.date.missing',
      endTime: 'event.endsAt.beforeStart',
      remoteUrl: 'event.remoteUrl.invalid',
    })
    expect(checkEventForm({ ...filled, endTime: '08:00' })).toEqual({
      endTime: 'event.endsAt.beforeStart',
    })
  })
})
