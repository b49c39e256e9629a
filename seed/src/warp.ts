import type { XY } from './projection.js';
import type { Rng } from './random.js';
import { snap } from './planar.js';

/** A smooth displacement of the plane: bends straight boundaries into plausible curves. */
export type Warp = (p: XY) => XY;

/**
 * A warp made of three sine waves per axis with random directions and phases.
 * Its largest displacement is about 1.75 × `amplitude` metres, and its gradient
 * stays below 1 while amplitude/wavelength < 0.05, so it folds nothing: a
 * partition stays a partition. Output is snapped to the centimetre.
 */
export function sineWarp(rng: Rng, amplitude: number, wavelength: number): Warp {
  const waves = [0, 1].map(() =>
    [1, 0.5, 0.25].map((share, k) => {
      const angle = rng.range(0, Math.PI * 2);
      const lambda = wavelength / (1 + k * 1.1);
      return { a: amplitude * share, ux: Math.cos(angle) / lambda, uy: Math.sin(angle) / lambda, phase: rng.range(0, Math.PI * 2) };
    }),
  );
  return ([x, y]) => {
    let dx = 0;
    let dy = 0;
    for (const w of waves[0]) dx += w.a * Math.sin(2 * Math.PI * (w.ux * x + w.uy * y) + w.phase);
    for (const w of waves[1]) dy += w.a * Math.sin(2 * Math.PI * (w.ux * x + w.uy * y) + w.phase);
    return snap([x + dx, y + dy]);
  };
}
