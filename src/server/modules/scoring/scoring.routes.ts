import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EvaluateBody, EvaluationResult, ScoringSettings } from '../../../contracts/scoring.js';
import { criteriaVersionSlug } from '../../../domain/criteria/index.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { AppConfig } from '../../config.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import type { SettingsService } from '../settings/settings.service.js';
import { evaluate, resolveSet } from './scoring.service.js';

const tags = ['Chấm điểm / Scoring'];

export const scoringRoutes: FastifyPluginAsyncZod<{ catalogue: CriteriaCatalogue; settings: SettingsService; config: AppConfig }> = async (
  app,
  { catalogue, settings, config },
) => {
  app.post(
    '/scoring/evaluate',
    {
      // Public and stateless; limited per client so it cannot be used to load the server.
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Score one sheet, or a council’s sheets (members), against a criteria set',
        body: EvaluateBody,
        response: { 200: EvaluationResult },
      },
    },
    async (req) => {
      const versions = (await catalogue.list()).map((e) => e.version);
      const { version, set } = resolveSet(versions, req.body.version, req.body.set, criteriaVersionSlug);
      return evaluate(version, set, req.body, await settings.scoring(config.provinceCode));
    },
  );

  /** A provincial account's own province; the ministry (no province) and the public see the deployment's. */
  const provinceOf = (actor: Actor) => (actor.kind === 'user' && actor.provinceCode) || config.provinceCode;

  app.get(
    '/settings/scoring',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The province’s scoring rules', response: { 200: ScoringSettings } } },
    (req) => settings.scoring(provinceOf(req.actor)),
  );
  app.put(
    '/settings/scoring',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Change the province’s scoring rules', body: ScoringSettings, response: { 200: ScoringSettings } },
    },
    (req) => settings.updateScoring(req.actor, provinceOf(req.actor), req.auditActor, req.body),
  );
};
