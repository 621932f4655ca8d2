/** Where the settings document lives; the shell supplies an electron-store one, headless uses a JSON file. */
export interface SettingsBackend {
  /** The stored document, or undefined when there is none yet. Throws SettingsError when unreadable. */
  read(): Promise<unknown>;
  /** Replaces the stored document (atomically where the medium allows). */
  write(data: unknown): Promise<void>;
  /**
   * Keeps `doc` (the document as it was, secrets already taken out) before a migration rewrites it, 0600;
   * returns where, or null.
   */
  backup?(tag: string, doc: unknown): Promise<string | null>;
  /** Rewrites backups older versions left with secrets in clear; returns the files it scrubbed. */
  scrubBackups?(): Promise<string[]>;
  /** Where the settings live, for error messages (a file path, `electron-store`). */
  readonly location?: string;
}

/** Settings that cannot be used; says which field is wrong and that the stored document was kept. */
export class SettingsError extends Error {
  constructor(
    message: string,
    /** Dotted path of the first bad field, when one is to blame. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** An in-memory back end (tests, `status` without a data folder). */
export function memorySettingsBackend(initial?: unknown): SettingsBackend & { data: unknown } {
  const backend = {
    data: initial,
    location: 'memory',
    read: async () => structuredClone(backend.data),
    write: async (data: unknown) => {
      backend.data = structuredClone(data);
    },
  };
  return backend;
}
