/** An error as it crosses a boundary (IPC, HTTP): a stable code and a message a person can act on. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  /** Optional machine-readable details (field paths, touchpoint, record key); never secrets. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Every API call answers with a Result: errors are data at boundaries. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Wraps an error as a failed Result. */
export const fail = (code: string, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
