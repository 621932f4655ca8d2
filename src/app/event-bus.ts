import type { AppEventName, AppEvents, AppEventSource } from '../contract/events.js';

/** The app's event source: listeners per event name; a throwing listener never affects the others. */
export class EventBus implements AppEventSource {
  private readonly listeners = new Map<AppEventName, Set<(payload: never) => void>>();

  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  /** Sends an event to every listener of it. */
  emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as (p: AppEvents[E]) => void)(payload);
      } catch {
        // A broken UI connection must not stop the engine.
      }
    }
  }
}
