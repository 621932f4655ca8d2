/** The error inbox grouped by real cause: one card, one count and one action per cause, records folded. */
import type { ErrorCategory, FixBy, InboxItem } from './dto.js';
import { TOUCHPOINT_LABELS, type TouchpointName } from './touchpoints.js';
import { plural, RECORD_NOUNS, records } from './wording.js';

/** What fixes a whole group at once. */
export type GroupAction =
  | { readonly kind: 'sync'; readonly touchpoint: TouchpointName; readonly label: string }
  | { readonly kind: 'settings'; readonly label: string };

export interface InboxGroup {
  readonly key: string;
  readonly touchpoint: TouchpointName;
  /** "30 sales orders reference 10 items not in Infoplus yet". */
  readonly title: string;
  /** Who must act, from the real cause. */
  readonly who: string;
  readonly hint: string;
  readonly action: GroupAction | null;
  /** When a run will really send them again (the earliest), or null. */
  readonly retryRunAt: string | null;
  readonly items: readonly InboxItem[];
}

const WHO: Readonly<Record<FixBy, string>> = {
  'erp-user': 'Someone who edits the record in the ERP',
  admin: 'The person who runs this app (settings or mapping)',
  'infoplus-user': 'Someone with access to Infoplus',
};

const CATEGORY_WORDS: Readonly<Record<ErrorCategory, string>> = {
  'erp-data': 'have ERP data Infoplus cannot take',
  mapping: 'do not fit the mapping',
  'infoplus-validation': 'were refused by Infoplus',
  connection: 'wait for Infoplus to answer again',
  'rate-limit': 'wait: Infoplus asked to slow down',
  auth: 'wait for a valid API key',
  internal: 'failed inside this app',
  reconciliation: 'were found missing by reconciliation and are queued',
  settling: 'are being checked: did Infoplus receive them? (never sent twice)',
  'key-collision': 'share one Infoplus key with another ERP record',
};

function keyOf(item: InboxItem): string {
  const cause = item.cause ?? { kind: 'other' as const };
  if (cause.kind === 'other') return `${item.touchpoint}|${item.category}|${item.hint}`;
  return `${item.touchpoint}|${cause.kind}`;
}

function earliest(items: readonly InboxItem[]): string | null {
  const times = items.map((i) => i.retryRunAt).filter((t): t is string => !!t);
  return times.length > 0 ? times.reduce((a, b) => (a < b ? a : b)) : null;
}

function describe(tp: TouchpointName, items: readonly InboxItem[]): Omit<InboxGroup, 'key' | 'items'> {
  const first = items[0]!;
  const cause = first.cause ?? { kind: 'other' as const };
  const n = items.length;
  const retry = earliest(items);
  if (cause.kind === 'missing-items') {
    const skus = new Set(items.flatMap((i) => (i.cause?.kind === 'missing-items' ? i.cause.skus : [])));
    const example = [...skus].slice(0, 3).join(', ');
    return {
      touchpoint: tp,
      title: `${records(tp, n)} ${n === 1 ? 'references' : 'reference'} ${plural(skus.size, 'item')} not in Infoplus yet`,
      who: 'Nobody in the ERP: the items must reach Infoplus first',
      hint: `Sync items (${example}${skus.size > 3 ? ', …' : ''}); the held ${RECORD_NOUNS[tp][1]} are sent as soon as the items land.`,
      action: { kind: 'sync', touchpoint: 'items', label: 'Sync items' },
      retryRunAt: retry,
    };
  }
  if (cause.kind === 'unknown-items') {
    const skus = new Set(items.flatMap((i) => (i.cause?.kind === 'unknown-items' ? i.cause.skus : [])));
    return {
      touchpoint: tp,
      title: `${records(tp, n)} ${n === 1 ? 'names' : 'name'} ${plural(skus.size, 'SKU')} the ERP has no item for`,
      who: WHO['erp-user'],
      hint: `Correct the lines in the ERP or add the items (${[...skus].slice(0, 3).join(', ')}${skus.size > 3 ? ', …' : ''}); the ${RECORD_NOUNS[tp][1]} are sent again when they change.`,
      action: null,
      retryRunAt: retry,
    };
  }
  if (cause.kind === 'auth') {
    return {
      touchpoint: tp,
      title: `${records(tp, n)} wait for a valid API key`,
      who: WHO.admin,
      hint: 'Infoplus refused the API key. Enter a valid key in Settings; the records are sent on the next run.',
      action: { kind: 'settings', label: 'Open Settings' },
      retryRunAt: retry,
    };
  }
  return {
    touchpoint: tp,
    title:
      n === 1 ? `${records(tp, 1)}: ${first.message}` : `${records(tp, n)} ${CATEGORY_WORDS[first.category]}`,
    who: cause.kind === 'transient' ? 'Nobody: it is sent again by itself' : WHO[first.fixBy],
    hint: first.hint,
    action: null,
    retryRunAt: retry,
  };
}

/** Groups parked records by cause, biggest group first; each group's records keep their order. */
export function groupInbox(items: readonly InboxItem[]): InboxGroup[] {
  const byKey = new Map<string, InboxItem[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => ({ key, items: list, ...describe(list[0]!.touchpoint, list) }))
    .sort((a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key));
}

/** The touchpoint label, for group headings. */
export function groupLabel(group: InboxGroup): string {
  return TOUCHPOINT_LABELS[group.touchpoint];
}
