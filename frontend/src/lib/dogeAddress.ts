import { sha256 } from './sha256'

/** Version bytes of Dogecoin's legacy addresses (DESIGN §4; no SegWit on Dogecoin). */
export const NETWORKS = {
  mainnet: { p2pkh: 0x1e, p2sh: 0x16 },
  testnet: { p2pkh: 0x71, p2sh: 0xc4 },
  regtest: { p2pkh: 0x6f, p2sh: 0xc4 },
} as const
export type Network = keyof typeof NETWORKS

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function base58Decode(text: string): Uint8Array | null {
  let n = 0n
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch)
    if (v < 0) return null
    n = n * 58n + BigInt(v)
  }
  const bytes: number[] = []
  while (n > 0n) {
    bytes.unshift(Number(n % 256n))
    n /= 256n
  }
  for (const ch of text) {
    if (ch !== '1') break
    bytes.unshift(0)
  }
  return Uint8Array.from(bytes)
}

export type AddressCheck =
  | { ok: true; kind: 'p2pkh' | 'p2sh' }
  | { ok: false; reason: string }

/** Checks an address as the wallet-service will: Base58Check, length, checksum, network version. */
export function checkAddress(text: string, network: Network): AddressCheck {
  const t = text.trim()
  if (t === '') return { ok: false, reason: 'Enter the Dogecoin address to send to.' }
  if (t.length < 26 || t.length > 35) return { ok: false, reason: 'A Dogecoin address has 26 to 35 characters.' }
  const bytes = base58Decode(t)
  if (!bytes) return { ok: false, reason: 'This address contains characters a Dogecoin address never has (0, O, I or l).' }
  if (bytes.length !== 25) return { ok: false, reason: 'This is not a Dogecoin address.' }
  const payload = bytes.subarray(0, 21)
  const check = sha256(sha256(payload)).subarray(0, 4)
  if (!check.every((b, i) => b === bytes[21 + i])) return { ok: false, reason: 'The address has a typo: its checksum does not match.' }
  const version = bytes[0]
  const net = NETWORKS[network]
  if (version === net.p2pkh) return { ok: true, kind: 'p2pkh' }
  if (version === net.p2sh) return { ok: true, kind: 'p2sh' }
  const other = (Object.keys(NETWORKS) as Network[]).find((n) => NETWORKS[n].p2pkh === version || NETWORKS[n].p2sh === version)
  return { ok: false, reason: other ? `This is a ${other} address; this wallet runs on ${network}.` : 'This is not a Dogecoin address.' }
}

export function isNetwork(n: string | undefined): n is Network {
  return n === 'mainnet' || n === 'testnet' || n === 'regtest'
}
