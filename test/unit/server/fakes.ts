import { vi } from 'vitest';
import { API_METHODS } from '../../../src/contract/api.js';
import type { AppApi } from '../../../src/contract/api.js';
import type { AppEventName, AppEventSource, AppEvents } from '../../../src/contract/events.js';

/** An AppApi whose every method is a vi.fn answering `{ method, args }`; override single methods per test. */
export function fakeApi(overrides: Partial<Record<keyof AppApi, (args: unknown) => Promise<unknown>>> = {}) {
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      vi.fn(overrides[method] ?? (async (args: unknown) => ({ method, args }))),
    ]),
  );
  return api as unknown as AppApi & Record<keyof AppApi, ReturnType<typeof vi.fn>>;
}

/** A hand-driven event source: `emit` pushes an event to whoever subscribed. */
export function fakeEvents() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const source: AppEventSource & {
    emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void;
    count(event: AppEventName): number;
  } = {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    count(event) {
      return listeners.get(event)?.size ?? 0;
    },
  };
  return source;
}
