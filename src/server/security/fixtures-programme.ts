import type { Response, TestApp } from '../../../test/support/app.js';
import type { World } from './fixtures.js';

function must(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The programme records the authorization matrix probes, made through the API as the office, the
 * commune's officer and producer A would; returned by name into `world.activity`: an idea received
 * in commune 30037 from producer A, accepted, with a business plan for product A1; a support policy
 * with a grant to A for that plan; a communication item; a course held in 30037 that A attended.
 */
export async function buildProgrammeRecords(_t: TestApp, w: World): Promise<Record<string, string>> {
  const { admin, officerX } = w.clients;
  const idea = must(
    await officerX.post('/api/v1/ideas', {
      communeCode: '30037',
      subjectId: w.ids.subjectA,
      title: 'Bột sen uống liền',
      receivedOn: '2027-02-10',
      externalCode: 'YT-2027-01',
    }),
    201,
    'product idea',
  ).id as string;
  must(await officerX.post(`/api/v1/ideas/${idea}/screening`, { status: 'accepted', screenedOn: '2027-02-20' }), 200, 'screening');
  const businessPlan = must(
    await officerX.post(`/api/v1/ideas/${idea}/plans`, {
      title: 'Phương án sản xuất bột sen',
      submittedOn: '2027-03-01',
      approvedOn: '2027-03-15',
      status: 'approved',
      productId: w.ids.productA1,
    }),
    201,
    'business plan',
  ).id as string;
  const supportPolicy = must(
    await admin.post('/api/v1/support/policies', { name: 'Hỗ trợ bao bì sản phẩm OCOP năm 2027', area: 'packaging', year: 2027, budgetVnd: 500_000_000 }),
    201,
    'support policy',
  ).id as string;
  const supportGrant = must(
    await admin.post('/api/v1/support/grants', {
      policyId: supportPolicy,
      subjectId: w.ids.subjectA,
      productId: w.ids.productA1,
      businessPlanId: businessPlan,
      content: 'Thiết kế, in bao bì',
      amountVnd: 30_000_000,
      fundingSource: 'province',
      grantedOn: '2027-04-10',
      status: 'disbursed',
    }),
    201,
    'support grant',
  ).id as string;
  const communicationItem = must(
    await admin.post('/api/v1/communication', {
      kind: 'article',
      title: 'Đồng Tháp phát triển sản phẩm OCOP',
      channel: 'Báo Đồng Tháp',
      publishedOn: '2027-05-02',
      url: 'https://baodongthap.vn/kinh-te/ocop-2027',
    }),
    201,
    'communication item',
  ).id as string;
  const trainingCourse = must(
    await officerX.post('/api/v1/training', {
      topic: 'Tập huấn xây dựng phương án kinh doanh',
      startsOn: '2027-05-10',
      endsOn: '2027-05-12',
      communeCode: '30037',
      participants: 25,
      attendees: [{ subjectId: w.ids.subjectA, people: 2 }],
    }),
    201,
    'training course',
  ).id as string;
  return { idea, businessPlan, supportPolicy, supportGrant, communicationItem, trainingCourse };
}
