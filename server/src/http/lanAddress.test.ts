import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lanAddress } from './lanAddress.js'

function ipv4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    internal,
    family: 'IPv4',
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: `${address}/24`,
  }
}

describe('lanAddress: the address a phone on the same network opens', () => {
  it('takes a private address over loopback, link-local and public ones', () => {
    expect(
      lanAddress({
        lo: [ipv4('127.0.0.1', true)],
        wlan0: [ipv4('169.254.3.4'), ipv4('10.20.30.40')],
        eth0: [ipv4('84.20.1.2')],
      }),
    ).toBe('10.20.30.40')
    expect(lanAddress({ eth0: [ipv4('172.20.0.5')], eth1: [ipv4('84.20.1.2')] })).toBe('172.20.0.5')
  })

  it('falls back to another outside address, and to none', () => {
    expect(lanAddress({ eth0: [ipv4('84.20.1.2')] })).toBe('84.20.1.2')
    expect(lanAddress({ lo: [ipv4('127.0.0.1', true)] })).toBeNull()
    expect(lanAddress({})).toBeNull()
  })
})
