import { describe, expect, it } from 'vitest'
import { describeReach } from './reach.js'

describe('describeReach: who can open the printed links', () => {
  it('warns when the links point at localhost and says how to fix it', () => {
    const reach = describeReach({
      publicUrl: 'http://localhost:8787',
      publicUrlFrom: 'localhost',
      port: 8787,
    })
    expect(reach.warning).toMatch(/localhost/)
    expect(reach.text).toContain('PUBLIC_URL=http://')
    expect(reach.text).toContain(':8787')
  })

  it('names the LAN address, and says nothing when PUBLIC_URL was given', () => {
    const lan = describeReach({
      publicUrl: 'http://10.0.0.5:8787',
      publicUrlFrom: 'lan',
      port: 8787,
    })
    expect(lan.warning).toBeNull()
    expect(lan.text).toContain('http://10.0.0.5:8787')
    expect(lan.text).toContain('PUBLIC_URL')
    expect(
      describeReach({ publicUrl: 'https://h.example', publicUrlFrom: 'PUBLIC_URL', port: 1 }),
    ).toEqual({ text: '', warning: null })
  })
})
