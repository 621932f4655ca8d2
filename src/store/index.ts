export { openStateStore, type StateStore } from './state-store.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';
export { JournalRepo, type JournalEntry, type JournalStatus } from './journal-repo.js';
export { OutboxRepo, type OutboxEntry, type OutboxOperation, type OutboxState } from './outbox-repo.js';
export { CursorRepo, TouchpointStateRepo } from './cursor-repo.js';
export { RunRepo, ZERO_COUNTS, type RunListFilter } from './run-repo.js';
export { InboxRepo, type InboxFailure, type InboxFilter } from './inbox-repo.js';
export { LeaseRepo, pidAlive, type LeaseAttempt, type LeaseHolder } from './lease-repo.js';
export {
  VendorNumberRepo,
  FIRST_VENDOR_NUMBER,
  isPlainVendorNo,
  type VendorNumber,
} from './vendor-number-repo.js';
