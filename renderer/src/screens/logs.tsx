import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogEntry, LogLevel } from '../contract.js';
import { ErrorNote, Note, Spinner, ScreenHead } from '../components/common.js';
import { useBridge, useEvent } from '../hooks/bridge-context.js';
import { useAction, useLoad } from '../hooks/use-async.js';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const KEEP = 1000;

function matches(entry: LogEntry, level: LogLevel | '', search: string): boolean {
  if (level && LEVELS.indexOf(entry.level) < LEVELS.indexOf(level)) return false;
  if (!search) return true;
  const text = `${entry.module} ${entry.msg} ${entry.context ? JSON.stringify(entry.context) : ''}`;
  return text.toLowerCase().includes(search.toLowerCase());
}

/** Starts a download of text as a file, without leaving the page. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Live tail of the engine's structured logs with level filter, search and export. */
export function Logs() {
  const bridge = useBridge();
  const [level, setLevel] = useState<LogLevel | ''>('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [follow, setFollow] = useState(true);
  // Live lines are kept per loaded page: a new filter gives a new page and starts the tail afresh.
  const [tail, setTail] = useState<{ base: unknown; lines: readonly LogEntry[] }>({ base: null, lines: [] });
  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // Typing waits a moment before asking the engine, so each key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const loaded = useLoad(
    () => bridge.getLogs({ ...(level ? { level } : {}), ...(query ? { search: query } : {}), limit: 500 }),
    [bridge, level, query],
  );
  const base = loaded.data;
  const entries = useMemo(
    () => [...(base ?? []), ...(tail.base === base ? tail.lines : [])].slice(-KEEP),
    [base, tail],
  );

  useEvent('log', (entry) => {
    if (!follow || !matches(entry, level, query)) return;
    setTail((t) => ({ base, lines: [...(t.base === base ? t.lines : []).slice(-(KEEP - 1)), entry] }));
  });

  useEffect(() => {
    const el = listRef.current;
    if (follow && el) el.scrollTop = el.scrollHeight;
  }, [entries, follow]);

  return (
    <section aria-labelledby="logs-title">
      <ScreenHead id="logs-title" title="Logs">
        <div className="actions">
          <button
            type="button"
            disabled={exporting.busy}
            onClick={() =>
              void exporting.run(async () => {
                const file = await bridge.exportLogs({});
                download(file.fileName, file.jsonl);
                setExported(file.fileName);
              })
            }
          >
            {exporting.busy ? <Spinner label="Exporting…" /> : 'Export logs'}
          </button>
        </div>
      </ScreenHead>
      <div className="filters" role="group" aria-label="Filter logs">
        <div className="field inline">
          <label htmlFor="logs-level">Minimum level</label>
          <select id="logs-level" value={level} onChange={(e) => setLevel(e.target.value as LogLevel | '')}>
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="logs-search">Search logs</label>
          <input id="logs-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Live tail
        </label>
        {loaded.loading ? <Spinner label="Loading logs…" /> : null}
      </div>
      <ErrorNote error={loaded.error} />
      <ErrorNote error={exporting.error} title="Export failed" />
      {exported ? <Note kind="ok">Saved {exported}.</Note> : null}
      <p className="muted small" aria-live="polite">
        {entries.length} log lines shown
      </p>
      <div className="log-list" ref={listRef} tabIndex={0} role="log" aria-label="Log lines">
        {entries.length === 0 && !loaded.loading ? <p className="empty">No log lines match.</p> : null}
        {entries.map((entry, i) => (
          <div key={`${entry.time}-${i}`} className={`log-line log-${entry.level}`}>
            <time dateTime={entry.time}>{new Date(entry.time).toLocaleTimeString()}</time>
            <span className="log-level">{entry.level.toUpperCase()}</span>
            <span className="log-module">{entry.module}</span>
            <span className="log-msg">{entry.msg}</span>
            {entry.context && Object.keys(entry.context).length > 0 ? (
              <code className="log-context">{JSON.stringify(entry.context)}</code>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}
