const STORAGE_KEY = 'infoplus-sync.token';

/**
 * Takes the access token from `#token=...` (the address `serve` prints), keeps it in sessionStorage and
 * removes it from the address bar so it does not linger in history or screenshots.
 */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    saveToken(token);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
    return token;
  }
  return readToken();
}

/** The token kept for this browser tab, if any. */
export function readToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token for this tab only (sessionStorage ends with the tab). */
export function saveToken(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private mode without storage: the token lives in memory for this page only.
  }
}

/** Forgets the token (sign out, or refused by the engine). */
export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}
