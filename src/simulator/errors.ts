import { formatErrorBody, type WireErrorBody } from '../infoplus/wire-format.js';

/** An API error answer: HTTP status plus the messages of the `{"errors": [...]}` body. */
export class SimHttpError extends Error {
  readonly status: number;
  readonly messages: string[];
  constructor(status: number, messages: string | string[]) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.name = 'SimHttpError';
    this.status = status;
    this.messages = list;
  }

  /** The wire body of this error. */
  body(): WireErrorBody {
    return formatErrorBody(this.messages);
  }
}

/** 400 with one or more messages. */
export function badRequest(messages: string | string[]): SimHttpError {
  return new SimHttpError(400, messages);
}

/** 404 with a message. */
export function notFound(message: string): SimHttpError {
  return new SimHttpError(404, message);
}

/** Throws a 400 when validation collected messages. */
export function throwIfErrors(errors: readonly string[]): void {
  if (errors.length > 0) throw badRequest([...errors]);
}
