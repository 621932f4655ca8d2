import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AppStatus, ProgressPace, RunProgress, RunSummary, TouchpointName } from '../contract.js';
import { errorText } from '../bridge/index.js';
import { useBridge, useEvent } from './bridge-context.js';
import { paceOf, type Sample } from './pace.js';

/** A run in flight with its recent pace (for "about 6 s left"; null until two samples apart). */
export interface LiveProgress extends RunProgress {
  readonly pace: ProgressPace | null;
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
  const samples = useRef(new Map<string, Sample[]>());
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
    // the first sample is the first progress event: the ERP read before it is no part of the pace
    samples.current.set(run.id, []);
    setStatus((s) => (s ? withRun(s, run) : s));
    setProgress((p) => ({
      ...p,
      [run.touchpoint]: {
        runId: run.id,
        touchpoint: run.touchpoint,
        counts: run.counts,
        done: 0,
        total: null,
        pace: null,
      },
    }));
  });
  useEvent('run-progress', (prog) => {
    let list = samples.current.get(prog.runId);
    if (!list) samples.current.set(prog.runId, (list = []));
    const pace = paceOf(list, { at: Date.now(), done: prog.done });
    setProgress((p) => ({ ...p, [prog.touchpoint]: { ...prog, pace } }));
  });
  useEvent('run-finished', (run) => {
    samples.current.delete(run.id);
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
