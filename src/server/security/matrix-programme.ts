import { TODAY } from './fixtures.js';
import { ADMINS, OFFICE, OFFICERS, REGISTRY, type Entry } from './matrix-entry.js';

/** Who keeps an idea or a course of commune 30037: its commune's officer and the province's office. */
const KEEPERS = ['officerX', ...OFFICE] as const;
/** Who reads the province's programme records that name no producer: its officers and its office. */
const PROVINCE_READERS = [...OFFICERS, ...OFFICE] as const;

const ideaBody = (w: Parameters<Entry['path']>[0]) => ({ communeCode: '30037', subjectId: w.ids.subjectA, title: 'Mứt sen sấy dẻo', receivedOn: TODAY });
const planBody = () => ({ title: 'Phương án mở rộng', submittedOn: TODAY });
const policyBody = () => ({ name: 'Hỗ trợ xúc tiến thương mại', area: 'trade_promotion', year: 2027 });
const grantBody = (w: Parameters<Entry['path']>[0]) => ({
  policyId: w.activity.supportPolicy,
  subjectId: w.ids.subjectA,
  content: 'Tham gia hội chợ',
  amountVnd: 1_000_000,
  fundingSource: 'province',
  grantedOn: TODAY,
});
const itemBody = () => ({ kind: 'tv', title: 'Phóng sự sản phẩm OCOP', publishedOn: TODAY });
const courseBody = (w: Parameters<Entry['path']>[0]) => ({
  topic: 'Tập huấn thương mại điện tử',
  startsOn: TODAY,
  endsOn: TODAY,
  communeCode: '30037',
  participants: 3,
  attendees: [{ subjectId: w.ids.subjectA, people: 1 }],
});

/**
 * The authorization matrix's entries for the programme routes (records from fixtures-programme.ts).
 * An idea is its commune's: its officer and the office keep it, producer A reads its own. Money and
 * communication are the office's; officers read policies and items, and the grants of the producers
 * they keep (A's grant names A, whom officer Y does not see). Every officer of the province reads
 * a course, producer A the one it attended; officer Y, who reads it, is told 403 on a change.
 */
export const PROGRAMME_MATRIX: Record<string, Entry> = {
  'GET /api/v1/ideas': { path: () => '/api/v1/ideas', ok: REGISTRY },
  'GET /api/v1/ideas/export': { path: () => '/api/v1/ideas/export?format=csv', ok: REGISTRY },
  'POST /api/v1/ideas': { path: () => '/api/v1/ideas', body: ideaBody, ok: ['officerX', ...ADMINS], refusal: 400 },
  'GET /api/v1/ideas/:id': { path: (w) => `/api/v1/ideas/${w.activity.idea}`, ok: ['producerA', ...KEEPERS] },
  'PUT /api/v1/ideas/:id': { path: (w) => `/api/v1/ideas/${w.activity.idea}`, body: ideaBody, ok: KEEPERS },
  'DELETE /api/v1/ideas/:id': { path: (w) => `/api/v1/ideas/${w.activity.idea}`, ok: KEEPERS },
  'POST /api/v1/ideas/:id/screening': {
    path: (w) => `/api/v1/ideas/${w.activity.idea}/screening`,
    body: () => ({ status: 'accepted', screenedOn: '2027-02-20' }),
    ok: KEEPERS,
  },
  'POST /api/v1/ideas/:id/plans': { path: (w) => `/api/v1/ideas/${w.activity.idea}/plans`, body: planBody, ok: KEEPERS },
  'GET /api/v1/business-plans': { path: () => '/api/v1/business-plans', ok: REGISTRY },
  'GET /api/v1/business-plans/export': { path: () => '/api/v1/business-plans/export?format=csv', ok: REGISTRY },
  'PUT /api/v1/business-plans/:id': { path: (w) => `/api/v1/business-plans/${w.activity.businessPlan}`, body: planBody, ok: KEEPERS },
  'DELETE /api/v1/business-plans/:id': { path: (w) => `/api/v1/business-plans/${w.activity.businessPlan}`, ok: KEEPERS },

  'GET /api/v1/support/policies': { path: () => '/api/v1/support/policies', ok: [...OFFICERS, ...ADMINS] },
  'GET /api/v1/support/policies/export': { path: () => '/api/v1/support/policies/export?format=csv', ok: [...OFFICERS, ...ADMINS] },
  'POST /api/v1/support/policies': { path: () => '/api/v1/support/policies', body: policyBody, ok: ADMINS },
  'GET /api/v1/support/policies/:id': { path: (w) => `/api/v1/support/policies/${w.activity.supportPolicy}`, ok: PROVINCE_READERS },
  'PUT /api/v1/support/policies/:id': { path: (w) => `/api/v1/support/policies/${w.activity.supportPolicy}`, body: policyBody, ok: OFFICE },
  'DELETE /api/v1/support/policies/:id': { path: (w) => `/api/v1/support/policies/${w.activity.supportPolicy}`, ok: OFFICE },
  'GET /api/v1/support/grants': { path: () => '/api/v1/support/grants', ok: REGISTRY },
  'GET /api/v1/support/grants/export': { path: () => '/api/v1/support/grants/export?format=csv', ok: REGISTRY },
  'POST /api/v1/support/grants': { path: () => '/api/v1/support/grants', body: grantBody, ok: OFFICE, refusal: 400 },
  'GET /api/v1/support/grants/:id': { path: (w) => `/api/v1/support/grants/${w.activity.supportGrant}`, ok: ['producerA', ...KEEPERS] },
  'PUT /api/v1/support/grants/:id': { path: (w) => `/api/v1/support/grants/${w.activity.supportGrant}`, body: grantBody, ok: OFFICE },
  'DELETE /api/v1/support/grants/:id': { path: (w) => `/api/v1/support/grants/${w.activity.supportGrant}`, ok: OFFICE },

  'GET /api/v1/communication': { path: () => '/api/v1/communication', ok: [...OFFICERS, ...ADMINS] },
  'GET /api/v1/communication/export': { path: () => '/api/v1/communication/export?format=csv', ok: [...OFFICERS, ...ADMINS] },
  'POST /api/v1/communication': { path: () => '/api/v1/communication', body: itemBody, ok: ADMINS },
  'GET /api/v1/communication/:id': { path: (w) => `/api/v1/communication/${w.activity.communicationItem}`, ok: PROVINCE_READERS },
  'PUT /api/v1/communication/:id': { path: (w) => `/api/v1/communication/${w.activity.communicationItem}`, body: itemBody, ok: OFFICE },
  'DELETE /api/v1/communication/:id': { path: (w) => `/api/v1/communication/${w.activity.communicationItem}`, ok: OFFICE },

  'GET /api/v1/training': { path: () => '/api/v1/training', ok: REGISTRY },
  'GET /api/v1/training/export': { path: () => '/api/v1/training/export?format=csv', ok: REGISTRY },
  'POST /api/v1/training': { path: () => '/api/v1/training', body: courseBody, ok: ['officerX', ...ADMINS], refusal: 400 },
  'GET /api/v1/training/:id': { path: (w) => `/api/v1/training/${w.activity.trainingCourse}`, ok: ['producerA', ...PROVINCE_READERS] },
  'PUT /api/v1/training/:id': { path: (w) => `/api/v1/training/${w.activity.trainingCourse}`, body: courseBody, ok: KEEPERS, insiders: ['officerY'] },
  'DELETE /api/v1/training/:id': { path: (w) => `/api/v1/training/${w.activity.trainingCourse}`, ok: KEEPERS, insiders: ['officerY'] },
};
