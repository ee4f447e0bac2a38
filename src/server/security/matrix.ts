import { MARKET_MATRIX } from './matrix-market.js';
import { PROGRAMME_MATRIX } from './matrix-programme.js';
import { randomUUID } from 'node:crypto';
import type { Client, Response } from '../../../test/support/app.js';
import { SMALL_PDF, sheetsWorth } from '../../../test/support/evaluation.js';
import { multipart, multipartFiles } from '../../../test/support/multipart.js';
import { TODAY } from './fixtures.js';
import { PORTAL_STYLESHEET } from '../modules/portal/pages/html.js';
import { A_REG, ADMINS, ALL, COUNCIL_ROLE, OFFICE, OFFICERS, REGISTRY, SEATED, USERS, type Entry, type Multipart } from './matrix-entry.js';
export type { Entry, Multipart } from './matrix-entry.js';

const file = (name: string, data: Buffer = SMALL_PDF, fields: Record<string, string> = {}, field = 'file'): Multipart => ({
  multipart: multipart(fields, { name, data }, field),
});

const subjectBody = { name: 'Hợp tác xã Sen Tháp Mười', legalForm: 'HTX', communeCode: '30037', representativeName: 'Lê Văn Sen' };
const productBody = { name: 'Hạt sen sấy', criteriaSetNumber: 7 };
const decisionBody = (dossierId: string) => ({
  number: '77/QĐ-UBND',
  signedOn: TODAY,
  signer: 'Trần Trí Quang',
  signerTitle: 'Phó Chủ tịch',
  items: [{ dossierId, star: 3 }],
});

const CORE_MATRIX: Record<string, Entry> = {
  // System, sign-in, reference data: public.
  'GET /api/v1/health': { path: () => '/api/v1/health', ok: ALL },
  'POST /api/v1/auth/login': { path: () => '/api/v1/auth/login', ok: ALL, probe: 'none' },
  'GET /api/v1/auth/me': { path: () => '/api/v1/auth/me', ok: USERS },
  'POST /api/v1/auth/logout': { path: () => '/api/v1/auth/logout', ok: ALL, probe: 'none' },
  'POST /api/v1/auth/password': {
    path: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'another-long-password' }),
    ok: USERS,
  },
  // A forgotten password: anyone may ask for a link or use one (it names no record of A's).
  'POST /api/v1/auth/password-reset/request': {
    path: () => '/api/v1/auth/password-reset/request',
    body: () => ({ email: 'nobody@example.vn' }),
    ok: ALL,
    probe: 'none',
  },
  'POST /api/v1/auth/password-reset/check': {
    path: () => '/api/v1/auth/password-reset/check',
    body: () => ({ token: 'not-a-token-anyone-was-sent' }),
    ok: ALL,
    status: [400],
    probe: 'none',
  },
  'POST /api/v1/auth/password-reset': {
    path: () => '/api/v1/auth/password-reset',
    body: () => ({ token: 'not-a-token-anyone-was-sent', newPassword: 'another-long-password' }),
    ok: ALL,
    status: [400],
    probe: 'none',
  },
  'GET /api/v1/info': { path: () => '/api/v1/info', ok: ALL },
  'GET /api/v1/provinces': { path: () => '/api/v1/provinces', ok: ALL },
  'GET /api/v1/provinces/:code/communes': { path: () => '/api/v1/provinces/82/communes', ok: ALL },
  'GET /api/v1/provinces/:code/communes/outlines': { path: () => '/api/v1/provinces/82/communes/outlines', ok: ALL },
  'GET /api/v1/criteria-sets': { path: () => '/api/v1/criteria-sets', ok: ALL },
  'GET /api/v1/criteria': { path: () => '/api/v1/criteria', ok: ALL },
  'GET /api/v1/criteria/:version/:set': { path: () => '/api/v1/criteria/26-2026-qd-ttg/7', ok: ALL },
  'POST /api/v1/criteria': { path: () => '/api/v1/criteria', body: () => ({}), ok: ADMINS },
  'POST /api/v1/scoring/evaluate': {
    path: () => '/api/v1/scoring/evaluate',
    body: () => ({ version: '26-2026-qd-ttg', set: 7, choices: sheetsWorth(7, 70).choices }),
    ok: ALL,
    probe: 'all',
  },
  'GET /api/v1/settings/scoring': { path: () => '/api/v1/settings/scoring', ok: USERS },
  'PUT /api/v1/settings/scoring': {
    path: () => '/api/v1/settings/scoring',
    body: () => ({ gatePolicy: 'cap', spreadThreshold: 10, quorumRatio: 0.5, requireChair: true, councilMin: 5, councilMax: 15 }),
    ok: ADMINS,
  },

  // Accounts: the office of the account's province, or the ministry.
  'GET /api/v1/users': { path: () => '/api/v1/users', ok: ADMINS },
  'GET /api/v1/users/export': { path: () => '/api/v1/users/export?format=csv', ok: ADMINS },
  'POST /api/v1/users': {
    path: () => '/api/v1/users',
    body: (w) => ({ email: 'moi@example.vn', fullName: 'Tài khoản mới', role: 'producer', subjectId: w.ids.subjectA, password: 'long-enough-password' }),
    ok: OFFICE,
    refusal: 400,
  },
  'GET /api/v1/users/:id': { path: (w) => `/api/v1/users/${w.ids.userA}`, ok: OFFICE },
  'PUT /api/v1/users/:id': {
    path: (w) => `/api/v1/users/${w.ids.userA}`,
    body: (w) => ({ fullName: 'Lê Văn Sen', active: false, role: 'producer', subjectId: w.ids.subjectA }),
    ok: OFFICE,
  },
  'POST /api/v1/users/:id/reset-password': { path: (w) => `/api/v1/users/${w.ids.userA}/reset-password`, body: () => ({}), ok: OFFICE },

  // The registry: subjects, products, papers, photos, earlier results.
  'GET /api/v1/subjects': { path: () => '/api/v1/subjects', ok: REGISTRY },
  'GET /api/v1/subjects/export': { path: () => '/api/v1/subjects/export?format=csv', ok: REGISTRY },
  'GET /api/v1/subjects/tax-code-holders': { path: () => '/api/v1/subjects/tax-code-holders?taxCode=0300588569', ok: REGISTRY },
  'POST /api/v1/subjects': {
    path: () => '/api/v1/subjects',
    body: () => ({ ...subjectBody, name: 'Tổ hợp tác Sen mới' }),
    ok: ['officerX', 'admin', 'ministry'],
  },
  'GET /api/v1/subjects/:id': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}`, ok: A_REG },
  'PUT /api/v1/subjects/:id': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}`, body: () => ({ ...subjectBody, name: 'Đổi tên' }), ok: A_REG },
  'DELETE /api/v1/subjects/:id': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}`, ok: OFFICE, insiders: ['producerA', 'officerX'] },
  'GET /api/v1/subjects/:id/history': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}/history`, ok: OFFICE, insiders: ['producerA', 'officerX'] },
  'GET /api/v1/products': { path: () => '/api/v1/products', ok: REGISTRY },
  'GET /api/v1/products/export': { path: () => '/api/v1/products/export?format=csv', ok: REGISTRY },
  'POST /api/v1/products': { path: () => '/api/v1/products', body: (w) => ({ subjectId: w.ids.subjectA, name: 'Sản phẩm mới' }), ok: A_REG, refusal: 400 },
  'GET /api/v1/products/:id': { path: (w) => `/api/v1/products/${w.ids.productA1}`, ok: A_REG },
  'PUT /api/v1/products/:id': { path: (w) => `/api/v1/products/${w.ids.productA1}`, body: () => ({ ...productBody, name: 'Đổi tên' }), ok: A_REG },
  'DELETE /api/v1/products/:id': { path: (w) => `/api/v1/products/${w.ids.productA1}`, ok: ['officerX', 'admin', 'ministry'], insiders: ['producerA'] },
  'GET /api/v1/products/:id/history': { path: (w) => `/api/v1/products/${w.ids.productA1}/history`, ok: OFFICE, insiders: ['producerA', 'officerX'] },
  'POST /api/v1/products/:id/photos': { path: (w) => `/api/v1/products/${w.ids.productA1}/photos`, body: () => file('anh.png'), ok: A_REG },
  'GET /api/v1/products/:id/photos/:photoId': { path: (w) => `/api/v1/products/${w.ids.productA1}/photos/${w.ids.photoA1}?size=thumb`, ok: A_REG },
  'DELETE /api/v1/products/:id/photos/:photoId': { path: (w) => `/api/v1/products/${w.ids.productA1}/photos/${w.ids.photoA1}`, ok: A_REG },
  'GET /api/v1/products/:id/results': { path: (w) => `/api/v1/products/${w.ids.productA1}/results`, ok: A_REG },
  'POST /api/v1/products/:id/results': {
    path: (w) => `/api/v1/products/${w.ids.productA1}/results`,
    body: () => ({ year: 2021, level: 'province', kind: 'first', score: 60, star: 3, legalBasis: 'QĐ 1048/2019' }),
    ok: OFFICE,
    insiders: ['producerA', 'officerX'],
  },
  'GET /api/v1/subjects/:id/documents': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}/documents`, ok: A_REG },
  'POST /api/v1/subjects/:id/documents': {
    path: (w) => `/api/v1/subjects/${w.ids.subjectA}/documents`,
    body: () => file('giay-phep.pdf', SMALL_PDF, { type: 'business_registration', title: 'Giấy phép', validUntil: '2030-12-31' }),
    ok: A_REG,
  },
  'DELETE /api/v1/subjects/:id/documents/:documentId': { path: (w) => `/api/v1/subjects/${w.ids.subjectA}/documents/${w.ids.paperA}`, ok: A_REG },
  'GET /api/v1/documents/:id/file': { path: (w) => `/api/v1/documents/${w.ids.paperA}/file`, ok: A_REG },

  // Self-assessments: the producer's sheet, read and kept by those who see the product.
  'GET /api/v1/products/:id/self-assessments': { path: (w) => `/api/v1/products/${w.ids.productA3}/self-assessments`, ok: A_REG },
  'POST /api/v1/products/:id/self-assessments': { path: (w) => `/api/v1/products/${w.ids.productA3}/self-assessments`, body: () => ({}), ok: A_REG },
  'GET /api/v1/self-assessments/:id': { path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}`, ok: A_REG },
  'PUT /api/v1/self-assessments/:id': { path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}`, body: () => ({ choices: {}, notes: {} }), ok: A_REG },
  'POST /api/v1/self-assessments/:id/complete': { path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}/complete`, ok: A_REG },
  'POST /api/v1/self-assessments/:id/reopen': { path: (w) => `/api/v1/self-assessments/${w.ids.saA2}/reopen`, ok: A_REG },
  'DELETE /api/v1/self-assessments/:id': { path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}`, ok: A_REG },
  'GET /api/v1/self-assessments/:id/pdf': { path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}/pdf`, ok: A_REG },
  'POST /api/v1/self-assessments/:id/evidence': {
    path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}/evidence`,
    body: () => file('bang-chung.pdf', SMALL_PDF, { criterionCode: '1.1' }),
    ok: A_REG,
  },
  'GET /api/v1/self-assessments/:id/evidence/:evidenceId': {
    path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}/evidence/${w.ids.evidenceDraft}`,
    ok: A_REG,
  },
  'DELETE /api/v1/self-assessments/:id/evidence/:evidenceId': {
    path: (w) => `/api/v1/self-assessments/${w.ids.saDraft}/evidence/${w.ids.evidenceDraft}`,
    ok: A_REG,
  },

  // Rounds and the working-day calendar: read by every account; set by the offices.
  'GET /api/v1/rounds': { path: () => '/api/v1/rounds', ok: USERS },
  'GET /api/v1/rounds/export': { path: () => '/api/v1/rounds/export?format=csv', ok: USERS },
  'POST /api/v1/rounds': {
    path: () => '/api/v1/rounds',
    body: () => ({ year: 2028, number: 1, proposalDeadline: '2028-04-30', resultDeadline: '2028-06-30' }),
    ok: ADMINS,
  },
  'POST /api/v1/rounds/defaults': { path: () => '/api/v1/rounds/defaults', body: () => ({ year: 2029 }), ok: ADMINS },
  'PUT /api/v1/rounds/:id': {
    path: (w) => `/api/v1/rounds/${w.ids.roundId}`,
    body: () => ({ name: 'Đợt 1', proposalDeadline: '2027-04-30', resultDeadline: '2027-07-30' }),
    ok: OFFICE,
  },
  'GET /api/v1/calendar': { path: () => '/api/v1/calendar?year=2027', ok: USERS },
  'POST /api/v1/calendar/days': {
    path: () => '/api/v1/calendar/days',
    body: () => ({ date: '2027-09-04', kind: 'day_off', name: 'Nghỉ' }),
    ok: ADMINS,
  },
  'DELETE /api/v1/calendar/days/:id': { path: (w) => `/api/v1/calendar/days/${w.ids.calendarDay}`, ok: OFFICE },

  // Dossiers: read by those who see the producer; what was filed, also by the council sitting on it.
  'GET /api/v1/dossiers': { path: () => '/api/v1/dossiers', ok: REGISTRY },
  'GET /api/v1/dossiers/export': { path: () => '/api/v1/dossiers/export?format=csv', ok: REGISTRY },
  'POST /api/v1/dossiers': {
    path: () => '/api/v1/dossiers',
    body: (w) => ({ productId: w.ids.productA3, kind: 'first', registration: { representativeName: 'Lê Văn Sen' } }),
    ok: A_REG,
    refusal: 400,
  },
  'GET /api/v1/dossiers/:id': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}`, ok: A_REG },
  'POST /api/v1/dossiers/:id/transitions': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/transitions`,
    body: () => ({ action: 'return', expectedVersion: 1, comment: 'Trả lại' }),
    ok: A_REG,
  },
  'GET /api/v1/dossiers/:id/events': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/events`, ok: A_REG },
  'GET /api/v1/dossiers/:id/filing': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/filing`, ok: [...A_REG, ...SEATED] },
  'GET /api/v1/dossiers/:id/forms/:form': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/forms/mau-01`, ok: [...A_REG, ...SEATED] },
  'GET /api/v1/dossiers/:id/filings/:filingId/evidence/:evidenceId': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/filings/${w.ids.filingA2}/evidence/${w.ids.filedEvidenceA2}`,
    ok: [...A_REG, ...SEATED],
  },
  'GET /api/v1/dossiers/:id/checklist': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/checklist`, ok: [...A_REG, ...SEATED] },
  'GET /api/v1/dossiers/:id/papers/:documentId/file': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/papers/${w.ids.paperA}/file`,
    ok: [...A_REG, ...SEATED],
  },
  'GET /api/v1/dossiers/:id/questions': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/questions`, ok: [...A_REG, ...SEATED] },
  'POST /api/v1/dossiers/:id/questions': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/questions`,
    body: () => ({ criterionCode: '1.2', question: 'Giấy tờ?' }),
    ok: [...OFFICE, ...SEATED],
    insiders: ['producerA', 'officerX'],
  },
  'POST /api/v1/dossiers/:id/questions/:questionId/messages': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/questions/${w.ids.questionA2}/messages`,
    body: () => ({ body: 'Đã có hợp đồng' }),
    ok: ['producerA', 'officerX', ...OFFICE, ...SEATED],
  },
  'POST /api/v1/dossiers/:id/questions/:questionId/close': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/questions/${w.ids.questionA2}/close`,
    ok: [...OFFICE, ...SEATED],
    insiders: ['producerA', 'officerX'],
  },
  'GET /api/v1/dossiers/:id/site-visits': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/site-visits`, ok: [...A_REG, ...SEATED] },
  'POST /api/v1/dossiers/:id/site-visits': {
    path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/site-visits`,
    body: () => ({ visitedOn: TODAY, visitors: 'Tổ tư vấn', summary: 'Khảo sát' }),
    ok: OFFICE,
    insiders: ['producerA', 'officerX'],
  },
  'GET /api/v1/dossiers/:id/ministry-package': { path: (w) => `/api/v1/dossiers/${w.ids.dossierA2}/ministry-package`, ok: OFFICE, status: [400] },

  // Notifications: one's own.
  'GET /api/v1/notifications': { path: () => '/api/v1/notifications', ok: USERS },
  // Own first pages: a producer's own products, a council member's own seats; nobody else's, no other role.
  'GET /api/v1/home/producer': { path: () => '/api/v1/home/producer', ok: ['producerA', 'producerB'] },
  'GET /api/v1/home/council': { path: () => '/api/v1/home/council', ok: COUNCIL_ROLE },
  'POST /api/v1/notifications/read-all': { path: () => '/api/v1/notifications/read-all', ok: USERS },
  'POST /api/v1/notifications/:id/read': { path: (w) => `/api/v1/notifications/${w.ids.notificationA}/read`, ok: ['producerA'] },

  // Councils and their sittings: the office administering the council, and those seated on it.
  'GET /api/v1/councils': { path: () => '/api/v1/councils', ok: [...ADMINS, ...COUNCIL_ROLE] },
  'GET /api/v1/councils/export': { path: () => '/api/v1/councils/export?format=csv', ok: [...ADMINS, ...COUNCIL_ROLE] },
  'POST /api/v1/councils': { path: () => '/api/v1/councils', body: () => ({}), ok: ADMINS },
  'POST /api/v1/councils/:id/rules': { path: (w) => `/api/v1/councils/${w.ids.councilId}/rules`, body: () => file('quy-che.pdf'), ok: OFFICE },
  'GET /api/v1/councils/:id/rules': { path: (w) => `/api/v1/councils/${w.ids.councilId}/rules`, ok: [...OFFICE, ...SEATED] },
  'GET /api/v1/councils/:id/establishment.docx': { path: (w) => `/api/v1/councils/${w.ids.councilId}/establishment.docx`, ok: OFFICE },
  'POST /api/v1/councils/:id/sessions': {
    path: (w) => `/api/v1/councils/${w.ids.councilId}/sessions`,
    body: (w) => ({ title: 'Phiên họp bổ sung', heldOn: TODAY, dossierIds: [w.ids.dossierA2] }),
    ok: OFFICE,
  },
  'GET /api/v1/council-sessions': { path: () => '/api/v1/council-sessions', ok: [...ADMINS, ...COUNCIL_ROLE] },
  'GET /api/v1/council-sessions/:id': { path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}`, ok: [...OFFICE, ...SEATED] },
  'PUT /api/v1/council-sessions/:id/attendance': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/attendance`,
    body: (w) => ({ memberIds: w.ids.memberIds }),
    ok: [...OFFICE, 'secretary'],
    insiders: ['member', 'conflicted'],
  },
  'GET /api/v1/council-sessions/:id/minutes.docx': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionClosed}/minutes.docx`,
    ok: [...OFFICE, 'secretary'],
    insiders: ['member', 'conflicted'],
  },
  'POST /api/v1/council-sessions/:id/close': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/close`,
    ok: [...OFFICE, 'secretary'],
    insiders: ['member', 'conflicted'],
  },
  'POST /api/v1/council-sessions/:id/dossiers/:dossierId/declaration': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/declaration`,
    body: () => ({ hasConflict: false }),
    ok: SEATED,
    insiders: OFFICE,
  },
  'GET /api/v1/council-sessions/:id/dossiers/:dossierId/sheet': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/sheet`,
    ok: ['member'],
    insiders: [...OFFICE, 'conflicted', 'secretary'],
  },
  'PUT /api/v1/council-sessions/:id/dossiers/:dossierId/sheet': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/sheet`,
    body: () => ({ choices: {}, expectedVersion: 1 }),
    ok: ['member'],
    insiders: [...OFFICE, 'conflicted', 'secretary'],
  },
  'POST /api/v1/council-sessions/:id/dossiers/:dossierId/sheet/submit': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/sheet/submit`,
    ok: ['member'],
    insiders: [...OFFICE, 'conflicted', 'secretary'],
  },
  'POST /api/v1/council-sessions/:id/dossiers/:dossierId/paper-sheets': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/paper-sheets`,
    body: (w) => file('phieu.pdf', SMALL_PDF, { memberId: w.ids.memberIds[4]!, choices: '{}' }, 'scan'),
    ok: [...OFFICE, 'secretary'],
    insiders: ['member', 'conflicted'],
  },
  // Before the session closes a paper sheet's scan is its member's alone, like the total (see the secrecy tests).
  'GET /api/v1/council-sessions/:id/sheets/:sheetId/scan': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/sheets/${w.ids.sheetPaper}/scan`,
    ok: [],
    insiders: [...OFFICE, ...SEATED],
  },
  'GET /api/v1/council-sessions/:id/dossiers/:dossierId/result': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionClosed}/dossiers/${w.ids.dossierA1}/result`,
    ok: [...OFFICE, ...SEATED],
  },
  'POST /api/v1/council-sessions/:id/dossiers/:dossierId/rescore': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/dossiers/${w.ids.dossierA2}/rescore`,
    body: () => ({ reason: 'Chênh lệch lớn', scoringRound: 1 }),
    ok: OFFICE,
    insiders: SEATED,
  },
  'POST /api/v1/council-sessions/:id/sheets/:sheetId/reopen': {
    path: (w) => `/api/v1/council-sessions/${w.ids.sessionOpen}/sheets/${w.ids.sheetMember}/reopen`,
    body: () => ({ reason: 'Ghi nhầm' }),
    ok: [...OFFICE, 'secretary'],
    insiders: ['member', 'conflicted'],
  },

  // Plans, indicators, reports, imports: the programme's office; figures also for the commune officers.
  'GET /api/v1/plans': { path: () => '/api/v1/plans', ok: [...OFFICE, ...OFFICERS] },
  'GET /api/v1/plans/:year': { path: () => '/api/v1/plans/2027', ok: [...OFFICE, ...OFFICERS] },
  'PUT /api/v1/plans/:year': { path: () => '/api/v1/plans/2027', body: () => ({ title: 'Kế hoạch khác', targets: [], budgetLines: [] }), ok: OFFICE },
  'GET /api/v1/indicators': { path: () => '/api/v1/indicators', ok: USERS },
  'GET /api/v1/indicators/values': { path: () => '/api/v1/indicators/values?year=2027', ok: [...OFFICE, ...OFFICERS] },
  'GET /api/v1/indicators/funnel': { path: () => '/api/v1/indicators/funnel?year=2027', ok: [...OFFICE, ...OFFICERS] },
  'GET /api/v1/dashboard': { path: () => '/api/v1/dashboard?year=2027', ok: [...OFFICE, ...OFFICERS] },
  // Every province side by side: the ministry's office only.
  'GET /api/v1/indicators/national': { path: () => '/api/v1/indicators/national?year=2027', ok: ['ministry'] },
  // Another province's office gets its own province's report and imports.
  'GET /api/v1/reports/annual': { path: () => '/api/v1/reports/annual?year=2027', ok: ADMINS },
  'GET /api/v1/imports/template': { path: () => '/api/v1/imports/template', ok: ADMINS },
  'GET /api/v1/imports': { path: () => '/api/v1/imports', ok: ADMINS },
  'POST /api/v1/imports': {
    path: () => '/api/v1/imports',
    body: () => ({ multipart: multipartFiles([{ name: 'lich-su.csv', data: Buffer.from('a,b\n1,2\n') }]) }),
    ok: ADMINS,
  },
  'GET /api/v1/imports/:id': { path: (w) => `/api/v1/imports/${w.ids.importJob}`, ok: OFFICE },
  'POST /api/v1/imports/:id/commit': { path: (w) => `/api/v1/imports/${w.ids.importJob}/commit`, ok: OFFICE },
  // The world's import has no problems: there is no problems file to give (409), but only the office is told so.
  'GET /api/v1/imports/:id/problems.xlsx': { path: (w) => `/api/v1/imports/${w.ids.importJob}/problems.xlsx`, ok: OFFICE, status: [409] },

  // Decisions and certificates.
  'GET /api/v1/decisions': { path: () => '/api/v1/decisions', ok: ADMINS },
  'GET /api/v1/decisions/export': { path: () => '/api/v1/decisions/export?format=csv', ok: ADMINS },
  'POST /api/v1/decisions': { path: () => '/api/v1/decisions', body: (w) => decisionBody(w.ids.dossierA2), ok: OFFICE, refusal: 400 },
  'GET /api/v1/decisions/:id': { path: (w) => `/api/v1/decisions/${w.ids.decisionA1}`, ok: OFFICE },
  'GET /api/v1/decisions/:id/docx': { path: (w) => `/api/v1/decisions/${w.ids.decisionA1}/docx`, ok: OFFICE },
  'GET /api/v1/decisions/:id/result-letters.docx': { path: (w) => `/api/v1/decisions/${w.ids.decisionA1}/result-letters.docx`, ok: OFFICE, status: [400] },
  'GET /api/v1/certificates': { path: () => '/api/v1/certificates', ok: REGISTRY },
  'GET /api/v1/certificates/export': { path: () => '/api/v1/certificates/export?format=csv', ok: REGISTRY },
  'GET /api/v1/certificates/worklist': { path: () => '/api/v1/certificates/worklist', ok: [...ADMINS, ...OFFICERS] },
  'GET /api/v1/certificates/:id': { path: (w) => `/api/v1/certificates/${w.ids.certificateA1}`, ok: A_REG },
  'GET /api/v1/certificates/:id/pdf': { path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/pdf`, ok: A_REG },
  'GET /api/v1/certificates/:id/qr.svg': { path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/qr.svg`, ok: A_REG },
  'GET /api/v1/certificates/:id/qr.png': { path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/qr.png`, ok: A_REG },
  'POST /api/v1/certificates/:id/revoke': {
    path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/revoke`,
    body: () => ({ ground: 'a', decisionNo: '9/QĐ-UBND', decidedOn: TODAY, signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' }),
    ok: OFFICE,
    insiders: ['producerA', 'officerX'],
  },
  'GET /api/v1/certificates/:id/revocation.docx': {
    path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/revocation.docx`,
    ok: OFFICE,
    insiders: ['producerA', 'officerX'],
    status: [400],
  },
  'POST /api/v1/certificates/:id/violations': {
    path: (w) => `/api/v1/certificates/${w.ids.certificateA1}/violations`,
    body: () => ({ ground: 'a', concludedOn: TODAY, reference: 'Biên bản 12/BB' }),
    ok: OFFICE,
    insiders: ['producerA', 'officerX'],
  },
  'GET /api/v1/public/certificates/:code': { path: (w) => `/api/v1/public/certificates/${w.ids.verificationCode}`, ok: ALL },
  'GET /api/v1/public/certificates/:code/photo': { path: (w) => `/api/v1/public/certificates/${w.ids.verificationCode}/photo`, ok: ALL },

  // The public portal: certified products, their producers and labels, open to all (what else stays hidden: see the portal tests in the matrix).
  'GET /api/v1/public/products': { path: () => '/api/v1/public/products', ok: ALL },
  'GET /api/v1/public/products.csv': { path: () => '/api/v1/public/products.csv', ok: ALL },
  'GET /api/v1/public/map': { path: () => '/api/v1/public/map', ok: ALL },
  'GET /api/v1/public/verify/:code': { path: (w) => `/api/v1/public/verify/${w.ids.verificationCode}`, ok: ALL },
  'GET /v/:code': { path: (w) => `/v/${w.ids.verificationCode}`, ok: ALL },
  'GET /': { path: () => '/', ok: ALL },
  'GET /san-pham': { path: () => '/san-pham', ok: ALL },
  'GET /san-pham/:id': { path: (w) => `/san-pham/${w.ids.productA1}`, ok: ALL },
  'GET /chu-the/:id': { path: (w) => `/chu-the/${w.ids.subjectA}`, ok: ALL },
  'GET /ban-do': { path: () => '/ban-do', ok: ALL },
  'GET /kiem-tra': { path: () => '/kiem-tra', ok: ALL },
  'GET /anh/:id': { path: (w) => `/anh/${w.ids.photoA1}`, ok: ALL },
  'GET /favicon.svg': { path: () => '/favicon.svg', ok: ALL },
  'GET /favicon.ico': { path: () => '/favicon.ico', ok: ALL },
  // The portal pages' style sheet, named by its content (pages/html.ts).
  [`GET ${PORTAL_STYLESHEET.path}`]: { path: () => PORTAL_STYLESHEET.path, ok: ALL },
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The same request with every record id replaced by a fresh one: what a missing record looks like. */
export function withRandomIds<T>(value: T): T {
  const map = new Map<string, string>();
  const swap = (s: string) => s.replace(UUID, (id) => map.get(id) ?? map.set(id, randomUUID()).get(id)!);
  if (typeof value === 'string') return swap(value) as T;
  if (isMultipart(value)) {
    return { multipart: { headers: value.multipart.headers, payload: Buffer.from(swap(value.multipart.payload.toString('latin1')), 'latin1') } } as T;
  }
  return value === undefined ? value : (JSON.parse(swap(JSON.stringify(value))) as T);
}

export const isMultipart = (body: unknown): body is Multipart => typeof body === 'object' && body !== null && 'multipart' in body;

export function send(c: Client, method: string, url: string, body: unknown): Promise<Response> {
  if (isMultipart(body)) return c.request(method as 'POST', url, body.multipart.payload, { headers: body.multipart.headers });
  if (body === undefined) return method === 'POST' ? c.post(url) : c.request(method as 'GET', url);
  return c.request(method as 'POST', url, body);
}

/** A response with the ids it names blanked out, to compare a refusal with a missing record's. */
export const shape = (res: Response) => ({
  status: res.status,
  body: typeof res.body === 'string' ? res.body.replace(UUID, '<id>') : JSON.parse(JSON.stringify(res.body ?? null).replace(UUID, '<id>')),
});

export const MATRIX: Record<string, Entry> = { ...CORE_MATRIX, ...MARKET_MATRIX, ...PROGRAMME_MATRIX };
