/** Where the settings document lives; the shell supplies an electron-store one, headless uses a JSON file. */
export interface SettingsBackend {
  /** The stored document, or undefined when there is none yet. Throws SettingsError when unreadable. */
  read(): Promise<unknown>;
  /** Replaces the stored document (atomically where the medium allows). */
  write(data: unknown): Promise<void>;
  /** Keeps a copy of the current document before a migration rewrites it; returns where, or null. */
  backup?(tag: string): Promise<string | null>;
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
