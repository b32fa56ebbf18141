// ISO/IEC 7064 check-character systems used by the Chinese identifier standards.

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Hybrid system MOD 37,36 (ISO/IEC 7064 §7, M = 36): the check used by deployed
 * licence identifiers (GB/T 36904). Characters are 0-9 → 0-9, A-Z → 10-35.
 * Returns null when the input holds a character outside 0-9A-Z.
 */
export function mod3736CheckChar(input: string): string | null {
  const m = 36;
  let p = m;
  for (const ch of input) {
    const value = ALNUM.indexOf(ch);
    if (value < 0) return null;
    let s = (p + value) % m;
    if (s === 0) s = m;
    p = (s * 2) % (m + 1);
  }
  return ALNUM[(m + 1 - p) % m];
}
