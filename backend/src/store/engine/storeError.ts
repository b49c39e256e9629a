/**
 * A command failure answered to the client as `{ ok: 0, errmsg, code, codeName, … }`,
 * with MongoDB's numeric codes so drivers and mongoose raise their usual errors.
 */
export class StoreError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const storeErrors = {
  badValue: (msg: string) => new StoreError(2, 'BadValue', msg),
  failedToParse: (msg: string) => new StoreError(9, 'FailedToParse', msg),
  typeMismatch: (msg: string) => new StoreError(14, 'TypeMismatch', msg),
  illegalOperation: (msg: string) => new StoreError(20, 'IllegalOperation', msg),
  namespaceNotFound: (ns: string) => new StoreError(26, 'NamespaceNotFound', `ns not found: ${ns}`),
  indexNotFound: (msg: string) => new StoreError(27, 'IndexNotFound', msg),
  cursorNotFound: (id: string) => new StoreError(43, 'CursorNotFound', `cursor id ${id} not found`),
  namespaceExists: (ns: string) => new StoreError(48, 'NamespaceExists', `Collection ${ns} already exists.`),
  commandNotFound: (name: string) => new StoreError(59, 'CommandNotFound', `no such command: '${name}'`),
  immutableField: (msg: string) => new StoreError(66, 'ImmutableField', msg),
  invalidOptions: (msg: string) => new StoreError(72, 'InvalidOptions', msg),
  invalidNamespace: (msg: string) => new StoreError(73, 'InvalidNamespace', msg),
  indexOptionsConflict: (msg: string) => new StoreError(85, 'IndexOptionsConflict', msg),
  indexKeySpecsConflict: (msg: string) => new StoreError(86, 'IndexKeySpecsConflict', msg),
  commandNotSupported: (msg: string) => new StoreError(115, 'CommandNotSupported', msg),
  conflictingUpdate: (msg: string) => new StoreError(40, 'ConflictingUpdateOperators', msg),
  pathNotViable: (msg: string) => new StoreError(28, 'PathNotViable', msg),
  noSuchTransaction: () =>
    new StoreError(20, 'IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos: transactions are not supported by the embedded store'),
  objectTooLarge: (size: number) => new StoreError(10334, 'BSONObjectTooLarge', `BSONObj size: ${size} is invalid. Size must be between 0 and 16793600(16MB)`),
  location: (code: number, msg: string) => new StoreError(code, `Location${code}`, msg),
  duplicateKey: (ns: string, indexName: string, keyPattern: Record<string, unknown>, keyValue: Record<string, unknown>) =>
    new StoreError(
      11000,
      'DuplicateKey',
      `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: ${describeKey(keyValue)}`,
      { keyPattern, keyValue },
    ),
};

function describeKey(keyValue: Record<string, unknown>): string {
  const parts = Object.entries(keyValue).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  return `{ ${parts.join(', ')} }`;
}

/** The error reply document for a thrown error (non-StoreErrors become InternalError code 1 with their message). */
export function errorReply(err: unknown): Record<string, unknown> {
  if (err instanceof StoreError) return { ok: 0, errmsg: err.message, code: err.code, codeName: err.codeName, ...err.extra };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: 0, errmsg: message, code: 1, codeName: 'InternalError' };
}
