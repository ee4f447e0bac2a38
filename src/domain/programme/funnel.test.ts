import { describe, expect, it } from 'vitest';
import { funnelCounts, type FunnelIdea } from './funnel.js';

const idea = (communeCode: string, stages: Partial<FunnelIdea> = {}): FunnelIdea => ({
  communeCode,
  accepted: false,
  hasPlan: false,
  evaluated: false,
  recognised: false,
  ...stages,
});

describe('the funnel of the OCOP cycle', () => {
  it('counts each idea at every stage it reached, per commune', () => {
    const { total, byCommune } = funnelCounts([
      idea('01'),
      idea('01', { accepted: true }),
      idea('01', { accepted: true, hasPlan: true }),
      idea('02', { accepted: true, hasPlan: true, evaluated: true }),
      idea('02', { accepted: true, hasPlan: true, evaluated: true, recognised: true }),
    ]);
    expect(total).toEqual({ ideas: 5, accepted: 4, plans: 3, evaluated: 2, recognised: 1 });
    expect(byCommune.get('01')).toEqual({ ideas: 3, accepted: 2, plans: 1, evaluated: 0, recognised: 0 });
    expect(byCommune.get('02')).toEqual({ ideas: 2, accepted: 2, plans: 2, evaluated: 2, recognised: 1 });
  });

  it('does not count a later stage whose earlier stage is missing', () => {
    expect(funnelCounts([idea('01', { hasPlan: true, evaluated: true, recognised: true })]).total).toEqual({
      ideas: 1,
      accepted: 0,
      plans: 0,
      evaluated: 0,
      recognised: 0,
    });
  });

  it('is all zeros with no ideas', () => {
    expect(funnelCounts([]).total).toEqual({ ideas: 0, accepted: 0, plans: 0, evaluated: 0, recognised: 0 });
  });
});
