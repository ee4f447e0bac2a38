/**
 * The front of the OCOP cycle as a funnel (ocop-rules §8, steps 1–4 then evaluation): of the ideas a
 * commune received in a year, how many were accepted, became a business plan, a product evaluated,
 * and a product recognised 3★ or more. Each stage counts ideas, so every stage is at most the one
 * before it and the rates read as "of the ideas received".
 */
export const FUNNEL_STAGES = ['ideas', 'accepted', 'plans', 'evaluated', 'recognised'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, { vi: string; en: string }> = {
  ideas: { vi: 'Ý tưởng được tiếp nhận', en: 'Ideas received' },
  accepted: { vi: 'Ý tưởng được chấp nhận', en: 'Ideas accepted' },
  plans: { vi: 'Có phương án, dự án SXKD', en: 'With a business plan' },
  evaluated: { vi: 'Sản phẩm được đánh giá', en: 'Product evaluated' },
  recognised: { vi: 'Sản phẩm được công nhận OCOP', en: 'Product recognised' },
};

/** One idea as the funnel sees it. */
export type FunnelIdea = { communeCode: string; accepted: boolean; hasPlan: boolean; evaluated: boolean; recognised: boolean };
export type FunnelCounts = Record<FunnelStage, number>;

const empty = (): FunnelCounts => ({ ideas: 0, accepted: 0, plans: 0, evaluated: 0, recognised: 0 });

/**
 * Counts per stage, overall and per commune. An idea counts at a stage only if it passed the ones
 * before (an evaluated product whose idea was never accepted is a data error, not a success).
 */
export function funnelCounts(ideas: readonly FunnelIdea[]): { total: FunnelCounts; byCommune: Map<string, FunnelCounts> } {
  const total = empty();
  const byCommune = new Map<string, FunnelCounts>();
  for (const idea of ideas) {
    const reached: FunnelStage[] = ['ideas'];
    if (idea.accepted) {
      reached.push('accepted');
      if (idea.hasPlan) {
        reached.push('plans');
        if (idea.evaluated) {
          reached.push('evaluated');
          if (idea.recognised) reached.push('recognised');
        }
      }
    }
    const commune = byCommune.get(idea.communeCode) ?? empty();
    byCommune.set(idea.communeCode, commune);
    for (const stage of reached) {
      total[stage] += 1;
      commune[stage] += 1;
    }
  }
  return { total, byCommune };
}
