import { describe, expect, it } from 'vitest'
import { agendaInput, checkAgendaForm } from './agendaInput'

describe('agenda item form', () => {
  it('sends empty time and presenter as null', () => {
    expect(
      agendaInput({ title: ' Kahvitauko ', kind: 'procedural', startTime: '', presenter: ' ' }),
    ).toEqual({ title: 'Kahvitauko', kind: 'procedural', startTime: null, presenter: null })
  })

  it('names each problem with the shared rules’ codes', () => {
    expect(
      checkAgendaForm({ title: '', kind: 'talk', startTime: '25:00', presenter: 'x'.repeat(201) }),
    ).toEqual({
      title: 'agenda.title.empty',
      startTime: 'agenda.startTime.invalid',
      presenter: 'agenda.presenter.tooLong',
    })
  })
})
