import { describe, expect, it } from 'vitest'
import { agendaInput, checkAgendaForm } from './agendaInput'

const empty = { titleFi: '', titleSv: '' }

describe('agenda item form', () => {
  it('sends empty time and presenter as null', () => {
    expect(
      agendaInput(
        { title: ' Kahvitauko ', ...empty, kind: 'procedural', startTime: '', presenter: ' ' },
        'fi',
      ),
    ).toEqual({
      title: 'Kahvitauko',
      titleSv: null,
      kind: 'procedural',
      startTime: null,
      presenter: null,
    })
  })

  it('sends the title in the other official language, not in the event’s own', () => {
    const form = { title: 'Tauko', titleFi: 'Vanha', titleSv: ' Paus ', kind: 'talk' as const }
    expect(agendaInput({ ...form, startTime: '', presenter: '' }, 'fi')).toMatchObject({
      titleSv: 'Paus',
    })
    expect(agendaInput({ ...form, startTime: '', presenter: '' }, 'fi')).not.toHaveProperty(
      'titleFi',
    )
    expect(agendaInput({ ...form, startTime: '', presenter: '' }, 'en')).toMatchObject({
      titleFi: 'Vanha',
      titleSv: 'Paus',
    })
  })

  it('names each problem with the shared rules’ codes', () => {
    expect(
      checkAgendaForm({
        title: '',
        titleFi: '',
        titleSv: 'x'.repeat(301),
        kind: 'talk',
        startTime: '25:00',
        presenter: 'x'.repeat(201),
      }),
    ).toEqual({
      title: 'agenda.title.empty',
      titleSv: 'agenda.titleSv.tooLong',
      startTime: 'agenda.startTime.invalid',
      presenter: 'agenda.presenter.tooLong',
    })
  })
})
