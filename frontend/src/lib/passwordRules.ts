/**
 * The password rules user-service enforces (PasswordPolicy: NIST SP 800-63B style, length over
 * composition), shown as a checklist while typing. The server stays the judge: it also refuses
 * well-known passwords, and its answer lands under the field.
 */
export interface Rule {
  text: string
  ok: boolean
}

export function passwordRules(password: string, username: string, email: string): Rule[] {
  const lower = password.toLowerCase()
  const local = email.toLowerCase().split('@')[0] ?? ''
  const u = username.toLowerCase()
  return [
    { text: 'At least 10 characters', ok: [...password].length >= 10 },
    { text: 'At most 72 bytes', ok: new TextEncoder().encode(password).length <= 72 },
    { text: 'More than a few different characters', ok: new Set(password).size >= 4 },
    { text: 'Does not contain your username', ok: u.length < 3 || !lower.includes(u) },
    { text: 'Does not contain your email address', ok: local.length < 3 || !lower.includes(local) },
    { text: 'Not a well-known password (checked when you submit)', ok: true },
  ]
}

export function passwordProblem(password: string, username: string, email: string): string | null {
  if (!password) return 'Choose a password.'
  const broken = passwordRules(password, username, email).find((r) => !r.ok)
  return broken ? `The password does not meet this rule: ${broken.text.toLowerCase()}.` : null
}
