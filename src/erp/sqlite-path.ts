/** SQLite file path from a config url (`sqlite:` and `sqlite://` prefixes accepted; empty = in memory). */
export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '') || ':memory:';
}

/** True for SQLite's in-memory database names. */
export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path.startsWith('file::memory:');
}
