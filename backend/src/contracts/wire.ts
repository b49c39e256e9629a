/**
 * What JSON makes of a backend value: dates and ObjectIds become strings.
 * Presenters assert `Wire<their output>` against the views' types, so a view
 * schema and its presenter cannot drift apart unnoticed.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends { toHexString(): string }
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** Compiles only when `Actual` is assignable to `Expected`. */
export type Conforms<Actual extends Expected, Expected> = Actual;
