import { useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Runs `load` when `deps` change and keeps its latest result; an answer that
 * arrives after the deps changed (or after unmount) is dropped. The small
 * stand-in for a query library, used by the features' api hooks.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      current = false;
    };
    // The caller's deps decide when to load again (like useEffect's own list).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
