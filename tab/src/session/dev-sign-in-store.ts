// The development sign-in kept for this browser tab only (sessionStorage), so a reload stays
// signed in but closing the tab forgets it. Never used with Entra ID sign-in.
import type { DevSignInAnswer } from '../api/types';

const KEY = 'asb-panels.development-sign-in';

export interface DevSignIn extends DevSignInAnswer {
  memberId: string;
}

export function readDevSignIn(): DevSignIn | null {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as Partial<DevSignIn> | null;
    if (typeof saved?.memberId !== 'string' || typeof saved.token !== 'string' || typeof saved.expiresAt !== 'string') return null;
    return saved as DevSignIn;
  } catch {
    return null;
  }
}

export function saveDevSignIn(signIn: DevSignIn): void {
  window.sessionStorage.setItem(KEY, JSON.stringify(signIn));
}

export function forgetDevSignIn(): void {
  window.sessionStorage.removeItem(KEY);
}
