import { describe, expect, it } from 'vitest'
import { checkAddress } from './dogeAddress'
import { sha256 } from './sha256'

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(sha256(new TextEncoder().encode('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3')
  })
})

describe('a Dogecoin address typed into the withdraw form', () => {
  // m/44'/3'/0'/0/0 of the public test phrase (DESIGN §5).
  const mainnet = 'DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC'

  it('is accepted when checksum and version fit the network', () => {
    expect(checkAddress(mainnet, 'mainnet')).toEqual({ ok: true, kind: 'p2pkh' })
  })

  it('is refused with the network named when it belongs to another network', () => {
    const r = checkAddress(mainnet, 'regtest')
    expect(r).toEqual({ ok: false, reason: 'This is a mainnet address; this wallet runs on regtest.' })
  })

  it('is refused when one character is mistyped', () => {
    const r = checkAddress('DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgD', 'mainnet')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/checksum/)
  })

  it('is refused when it holds characters outside Base58', () => {
    const r = checkAddress('DBus3bamQjgJULBJtYXpEzDWQRwF5iwx0C', 'mainnet')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/characters/)
  })

  it('asks for an address when empty', () => {
    expect(checkAddress('  ', 'regtest')).toEqual({ ok: false, reason: 'Enter the Dogecoin address to send to.' })
  })
})
