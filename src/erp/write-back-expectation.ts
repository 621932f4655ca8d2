/** The failure of a write-back statement that changed fewer (or more) rows than its `expect` demands. */

/**
 * Thrown inside the record's transaction, so everything the record wrote is rolled back; the engine parks the
 * record and retries it later (the ERP row it names may appear, e.g. an order entered after its shipment).
 */
export class WriteBackExpectationError extends Error {
  override readonly name = 'WriteBackExpectationError';
  constructor(
    message: string,
    readonly touchpoint: string,
    readonly statement: string,
    readonly rowsAffected: number,
  ) {
    super(message);
  }
}
