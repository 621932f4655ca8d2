import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AppStatus, RunProgress, RunSummary, TouchpointName } from '../contract.js';
import { errorText } from '../bridge/index.js';
import { useBridge, useEvent } from './bridge-context.js';

/** A run in flight with how long it has been going at its last progress event (for "about 6 s left"). */
export interface LiveProgress extends RunProgress {
  readonly elapsedMs: number;
}

/** The app-wide status, kept live from events. */
export interface LiveStatus {
  readonly status: AppStatus | null;
  readonly error: string | null;
  /** Runs in flight per touchpoint, from run-started / run-progress. */
  readonly progress: Readonly<Partial<Record<TouchpointName, LiveProgress>>>;
  refresh(): void;
  /** Replace the status after an action answered with a fresh one (pause, resume, useDemo). */
  set(status: AppStatus): void;
}

export const LiveStatusContext = createContext<LiveStatus | null>(null);

/** The live status from the nearest provider. */
export function useLiveStatus(): LiveStatus {
  const value = useContext(LiveStatusContext);
  if (!value) throw new Error('useLiveStatus outside LiveStatusContext');
  return value;
}

function withRun(status: AppStatus, run: RunSummary): AppStatus {
  return {
    ...status,
    touchpoints: status.touchpoints.map((tp) =>
      tp.name !== run.touchpoint
        ? tp
        : {
            ...tp,
            state: run.status === 'running' ? 'running' : tp.state === 'running' ? 'idle' : tp.state,
            lastRun: run,
            recentRuns: [run, ...tp.recentRuns.filter((r) => r.id !== run.id)].slice(0, 10),
          },
    ),
  };
}

/** Keeps AppStatus fresh: initial load, status events, run events, and a reload after reconnecting. */
export function useLiveStatusSource(): LiveStatus {
  const bridge = useBridge();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Partial<Record<TouchpointName, LiveProgress>>>({});
  const startedAt = useRef(new Map<string, number>());
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(() => {
    bridge.getStatus({}).then(
      (s) => {
        setStatus(s);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [bridge]);

  // Many run events can arrive at once; one getStatus afterwards is enough.
  const refreshSoon = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(refresh, 300);
  }, [refresh]);

  useEffect(() => {
    refresh();
    return bridge.onConnection((state) => {
      if (state === 'open') refresh();
    });
  }, [bridge, refresh]);
  useEffect(() => () => clearTimeout(pending.current), []);

  useEvent('status', (s) => setStatus(s));
  useEvent('run-started', (run) => {
    startedAt.current.set(run.id, Date.parse(run.startedAt));
    setStatus((s) => (s ? withRun(s, run) : s));
    setProgress((p) => ({
      ...p,
      [run.touchpoint]: {
        runId: run.id,
        touchpoint: run.touchpoint,
        counts: run.counts,
        done: 0,
        total: null,
        elapsedMs: 0,
      },
    }));
  });
  useEvent('run-progress', (prog) => {
    const start = startedAt.current.get(prog.runId);
    const elapsedMs = start === undefined ? 0 : Date.now() - start;
    setProgress((p) => ({ ...p, [prog.touchpoint]: { ...prog, elapsedMs } }));
  });
  useEvent('run-finished', (run) => {
    startedAt.current.delete(run.id);
    setStatus((s) => (s ? withRun(s, run) : s));
    setProgress((p) => {
      const next = { ...p };
      if (next[run.touchpoint]?.runId === run.id) delete next[run.touchpoint];
      return next;
    });
    refreshSoon();
  });
  useEvent('inbox-changed', ({ open }) => setStatus((s) => (s ? { ...s, openErrors: open } : s)));
  useEvent('alert', () => refreshSoon());

  return { status, error, progress, refresh, set: setStatus };
}
