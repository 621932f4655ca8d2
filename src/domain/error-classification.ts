/**
 * Turns any failure into what the error inbox and the run need: a category, who must act, a plain-words hint,
 * and how the engine proceeds (retry by itself, stop the run, reconcile before re-sending). Pure; errors are
 * read by shape (kind / code) so this module needs neither the HTTP client nor the drivers.
 */
import type { ErrorCategory, FixBy } from '../contract/index.js';
import { describeStateFailure } from './state-errors.js';

/** What the engine does with a failure. */
export interface ClassifiedError {
  readonly category: ErrorCategory;
  readonly fixBy: FixBy;
  readonly message: string;
  readonly infoplusMessages: readonly string[];
  readonly hint: string;
  /** Retries by itself with backoff (connection, 5xx, 429, outcome unknown). */
  readonly transient: boolean;
  /** No point going on with other records (auth refused, ERP gone, a statement that can never work). */
  readonly stopsRun: boolean;
  /** A write may have taken effect in Infoplus: look the record up before sending anything again. */
  readonly maybeApplied: boolean;
}

/** Where the failure happened. */
export type FailurePhase = 'infoplus-write' | 'infoplus-read' | 'erp-read' | 'erp-write';

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  kind?: unknown;
  code?: unknown;
  status?: unknown;
  messages?: unknown;
  fieldErrors?: unknown;
  requestSent?: unknown;
  driver?: unknown;
}

const INFOPLUS_KINDS = new Set([
  'auth',
  'not-found',
  'validation',
  'rate-limited',
  'server',
  'network',
  'outcome-unknown',
]);

function infoplusMessagesOf(e: ErrorShape): string[] {
  const out = Array.isArray(e.messages) ? e.messages.map(String) : [];
  if (e.fieldErrors && typeof e.fieldErrors === 'object') {
    for (const [field, msgs] of Object.entries(e.fieldErrors as Record<string, unknown>)) {
      for (const m of Array.isArray(msgs) ? msgs : [msgs]) {
        const text = `${field}: ${String(m)}`;
        if (!out.includes(text)) out.push(text);
      }
    }
  }
  return out;
}

const base = (
  message: string,
  p: Omit<ClassifiedError, 'message' | 'infoplusMessages' | 'maybeApplied'> & {
    infoplusMessages?: string[];
    maybeApplied?: boolean;
  },
): ClassifiedError => ({ message, infoplusMessages: [], maybeApplied: false, ...p });

/** Classifies a thrown value. */
export function classifyError(err: unknown, phase: FailurePhase): ClassifiedError {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as ErrorShape;
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  const isWrite = phase === 'infoplus-write';
  if (typeof e.kind === 'string' && INFOPLUS_KINDS.has(e.kind)) {
    const infoplusMessages = infoplusMessagesOf(e);
    switch (e.kind) {
      case 'auth':
        return base(message, {
          category: 'auth',
          fixBy: 'admin',
          hint: 'Infoplus refused the API key. Check the key in Settings (it may have been revoked or its user lacks permission for this line of business), then run again.',
          transient: false,
          stopsRun: true,
          infoplusMessages,
        });
      case 'validation':
        return base(message, {
          category: 'infoplus-validation',
          fixBy: 'erp-user',
          hint: 'Infoplus refused this record for the reason shown. Correct the record in the ERP (or the mapping, if the value comes from the profile); it is sent again automatically once it changes, or press Retry.',
          transient: false,
          stopsRun: false,
          infoplusMessages,
        });
      case 'not-found':
        return base(message, {
          category: 'infoplus-validation',
          fixBy: 'infoplus-user',
          hint: 'The Infoplus record this ERP record is linked to no longer exists (deleted in Infoplus?). Restore it in Infoplus, or skip this record.',
          transient: false,
          stopsRun: false,
          infoplusMessages,
        });
      case 'rate-limited':
        return base(message, {
          category: 'rate-limit',
          fixBy: 'admin',
          hint: 'Infoplus asked us to slow down. The record is retried automatically; if this keeps happening, lower "requests per second" in Settings.',
          transient: true,
          stopsRun: false,
          infoplusMessages,
        });
      case 'server':
        return base(message, {
          category: 'connection',
          fixBy: 'admin',
          hint: 'Infoplus answered with a server error. The record is retried automatically (after checking Infoplus, so it is never created twice).',
          transient: true,
          stopsRun: false,
          infoplusMessages,
          maybeApplied: isWrite,
        });
      case 'outcome-unknown':
        return base(message, {
          category: 'connection',
          fixBy: 'admin',
          hint: 'The request reached Infoplus but no answer came back. The record is looked up in Infoplus before anything is sent again, so it is never created twice.',
          transient: true,
          stopsRun: false,
          infoplusMessages,
          maybeApplied: true,
        });
      default:
        return base(message, {
          category: 'connection',
          fixBy: 'admin',
          hint: 'Infoplus could not be reached (network or timeout). The record is retried automatically; check the network if this persists.',
          transient: true,
          stopsRun: false,
          infoplusMessages,
          maybeApplied: isWrite && e.requestSent === true,
        });
    }
  }
  if (e.name === 'ErpError' && typeof e.code === 'string') return classifyErp(e.code, message);
  if (e.name === 'WriteBackExpectationError') {
    // a write-back that would change nothing: the ERP lacks the row it names (yet); nothing was written
    return base(message, {
      category: 'erp-data',
      fixBy: 'erp-user',
      hint: 'The ERP does not have the record this Infoplus record belongs to (e.g. an order entered in Infoplus, or not yet in the ERP). Nothing was written; it is retried by itself. Add the ERP record or skip this one.',
      transient: true,
      stopsRun: false,
    });
  }
  const stateFailure = describeStateFailure(err);
  if (stateFailure !== null) {
    // the run cannot record what it does: going on could send records it then forgets it sent
    return base(stateFailure, {
      category: 'internal',
      fixBy: 'admin',
      hint: 'The data folder must be writable and have free space; fix that, then run again.',
      transient: false,
      stopsRun: true,
    });
  }
  return base(message, {
    category: 'internal',
    fixBy: 'admin',
    hint: 'An unexpected error in the sync agent. Press Retry; if it happens again, export the logs and contact support.',
    transient: false,
    stopsRun: false,
  });
}

function classifyErp(code: string, message: string): ClassifiedError {
  switch (code) {
    case 'connection-lost':
    case 'host-unreachable':
    case 'timeout':
    case 'database-not-found':
      return base(message, {
        category: 'connection',
        fixBy: 'admin',
        hint: 'The ERP database could not be reached or stopped answering. The run stopped; the next run continues where this one left off.',
        transient: true,
        stopsRun: true,
      });
    case 'login-failed':
      return base(message, {
        category: 'connection',
        fixBy: 'admin',
        hint: 'The ERP database refused the login. Check the ERP user and password in Settings.',
        transient: false,
        stopsRun: true,
      });
    case 'cancelled':
      return base(message, {
        category: 'connection',
        fixBy: 'admin',
        hint: 'The run was cancelled.',
        transient: true,
        stopsRun: true,
      });
    case 'syntax-error':
    case 'permission-denied':
    case 'missing-parameter':
      return base(message, {
        category: 'mapping',
        fixBy: 'admin',
        hint: 'A statement of the mapping profile cannot run (named in the message). Fix it in Mappings; every record of this touchpoint needs it.',
        transient: false,
        stopsRun: true,
      });
    case 'constraint-violation':
    case 'invalid-parameter':
      return base(message, {
        category: 'erp-data',
        fixBy: 'erp-user',
        hint: 'The ERP refused to store this record (a rule or a value of the ERP database). Correct the ERP data it refers to, then press Retry.',
        transient: false,
        stopsRun: false,
      });
    default:
      return base(message, {
        category: 'internal',
        fixBy: 'admin',
        hint: 'The ERP database reported an error for this record. Press Retry; if it persists, export the logs.',
        transient: false,
        stopsRun: false,
      });
  }
}

/** The inbox entry of a record Infoplus no longer lets us change (shipped order, received ASN). */
export function notUpdatable(
  message: string,
  infoplusMessages: readonly string[],
  what: string,
): ClassifiedError {
  return base(message, {
    category: 'infoplus-validation',
    fixBy: 'infoplus-user',
    hint: `The ${what} changed in the ERP after Infoplus stopped allowing edits (e.g. it is already shipped or received). Make the change in Infoplus by hand, or skip this record to accept the difference.`,
    transient: false,
    stopsRun: false,
    infoplusMessages: [...infoplusMessages],
  });
}

/** Backoff before an automatic retry: base·2^(attempts-1), capped, with ±20% jitter (random in [0,1)). */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(30, attempts - 1)));
  return Math.round(exp * (0.8 + 0.4 * random));
}
