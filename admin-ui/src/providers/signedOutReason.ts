/**
 * Why the last session ended, kept for the sign-in page: a session that ran out while someone was
 * working deserves an explanation, a first visit does not. sessionStorage: per tab, gone on close.
 */
const KEY = 'insuredesk.signedOutReason';

export type SignedOutReason = 'expired';

export function rememberSignedOutReason(reason: SignedOutReason): void {
  try {
    sessionStorage.setItem(KEY, reason);
  } catch {
    // Storage can be disabled; the sign-in page then simply shows no explanation.
  }
}

export function peekSignedOutReason(): SignedOutReason | null {
  try {
    return sessionStorage.getItem(KEY) === 'expired' ? 'expired' : null;
  } catch {
    return null;
  }
}

export function forgetSignedOutReason(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // See above.
  }
}
