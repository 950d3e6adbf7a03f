// What each profile's preflight expects of an edition's files: the one place build and `folio preflight` share.
import type { PageGeometry } from '../print/options.ts';
import type { PreflightExpect, PreflightProfile } from './types.ts';

/** The screen file is downsampled on purpose; it must still hold 72 ppi at placed size. */
export const SCREEN_MIN_PPI = 72;

export interface PressLimits {
  tac: number;
  minTextPt: number;
  minPpi: number;
}

export function expectFor(profile: PreflightProfile, limits: PressLimits, g: PageGeometry): PreflightExpect {
  const page = { widthMm: g.widthMm, heightMm: g.heightMm, bleedMm: g.bleedMm };
  return {
    page,
    minTextPt: limits.minTextPt,
    tac: limits.tac,
    minPpi: profile === 'screen' ? Math.min(SCREEN_MIN_PPI, limits.minPpi) : limits.minPpi,
  };
}
