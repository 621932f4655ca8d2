import type { AppEventName, AppEvents } from '../contract.js';

type AnyListener = (payload: never) => void;

/** A tiny typed event hub shared by both bridges. */
export function createListeners() {
  const byEvent = new Map<string, Set<AnyListener>>();
  return {
    on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
      let set = byEvent.get(event);
      if (!set) byEvent.set(event, (set = new Set()));
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
    emit(event: string, payload: unknown): void {
      for (const listener of byEvent.get(event) ?? []) {
        try {
          (listener as (p: unknown) => void)(payload);
        } catch (error) {
          // One faulty screen must not stop the others from hearing the event.
          console.error(`listener for ${event} failed`, error);
        }
      }
    },
  };
}

/** A set of plain callbacks with a subscribe function. */
export function createSignal<T>() {
  const set = new Set<(value: T) => void>();
  return {
    subscribe(listener: (value: T) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value: T): void {
      for (const listener of set) listener(value);
    },
  };
}
