import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSetDetail } from '../src/contracts/criteria.js';
import { vietnamDate } from '../src/domain/dates/calendar.js';
import { defaultRounds, roundForProposal } from '../src/domain/evaluation/rounds.js';
import { apiFor, signedIn, uploadAs, type Api } from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The evaluation cycle in Chromium: the Lai Vung nem producer files a dossier with its papers, the
 * commune officer assesses it (Mẫu 03, signed), the office receives it, asks about a criterion's
 * evidence and returns it once; the producer answers and resubmits; the office receives it again and
 * sends it to a council set up by its establishing decision — five scoring members and a secretary —
 * with its rules attached. One member declares a conflict and may not score; the chair cannot see
 * anyone's total before the session closes; sheets too far apart are re-scored with a reason; the
 * session closes on close scores and the office's decision issues a 4★ certificate whose PDF and
 * public page work. A second product of 90 points goes the ministry's way: the provincial Chair's
 * approval, the letter to the ministry, the central council of its own, and the Minister's 5★, whose
 * public page names the ministry as issuer.
 */

type SetNode = CriteriaSetDetail['set']['parts'][number]['items'][number];
type Criterion = Extract<SetNode, { kind: 'criterion' }>;
type Choices = Record<string, number>;

const PRODUCER = { email: 'bahai.nem@ocop.demo', password: 'nem-lai-vung-2026', fullName: 'Nguyễn Thị Hai' };
const COUNCIL_PASSWORD = 'hoi-dong-ocop-2026';
/** The council's accounts: a chair and four members who score, a secretary who does not; one member declares a conflict. */
const MEMBERS = [
  { key: 'chair', email: 'chutich.hd@ocop.demo', fullName: 'Trần Văn Chính', organisation: 'Sở Nông nghiệp và Môi trường', position: 'Chủ tịch' },
  { key: 'secretary', email: 'thuky.hd@ocop.demo', fullName: 'Lê Thị Thu', organisation: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'Thư ký' },
  { key: 'scorer', email: 'thanhvien.hd@ocop.demo', fullName: 'Phạm Minh Tâm', organisation: 'Sở Công Thương', position: 'Thành viên' },
  { key: 'conflicted', email: 'vothihai.hd@ocop.demo', fullName: 'Võ Thị Hạnh', organisation: 'Sở Khoa học và Công nghệ', position: 'Thành viên' },
  { key: 'health', email: 'soyte.hd@ocop.demo', fullName: 'Nguyễn Văn Tư', organisation: 'Sở Y tế', position: 'Thành viên' },
  { key: 'culture', email: 'sovhttdl.hd@ocop.demo', fullName: 'Đặng Thị Năm', organisation: 'Sở Văn hóa, Thể thao và Du lịch', position: 'Thành viên' },
] as const;
const PDF = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
/** The papers a food product's dossier needs (Art. 6; the food-safety certificate disqualifies when missing). */
const FOOD_PAPERS = [
  { type: 'business_registration', title: 'Giấy chứng nhận đăng ký hộ kinh doanh', product: false },
  { type: 'food_safety_certificate', title: 'Giấy chứng nhận cơ sở đủ điều kiện ATTP', product: false },
  { type: 'quality_declaration', title: 'Bản tự công bố sản phẩm', product: true },
  { type: 'test_report', title: 'Phiếu kết quả kiểm nghiệm', product: true },
];
async function filePapers(page: Page, subjectId: string, productId: string, only: 'all' | 'product' = 'all') {
  for (const p of FOOD_PAPERS.filter((x) => only === 'all' || x.product))
    await uploadAs(
      page,
      server.baseUrl,
      `/subjects/${subjectId}/documents`,
      { type: p.type, title: p.title, validUntil: '2035-12-31', ...(p.product ? { productId } : {}) },
      PDF(`${p.type}.pdf`),
    );
}
const today = () => vietnamDate(new Date());
const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');
type MemberKey = (typeof MEMBERS)[number]['key'];
const RETURN_REASON = 'Thiếu phiếu kiểm nghiệm';
const VISITORS = 'Tổ tư vấn: Nguyễn Văn An, Lê Thị Bình';
const SITE_NOTE = 'Đã xem sổ mua thịt heo của 5 hộ chăn nuôi trong xã; nguyên liệu đúng như kê khai.';
const WAIT = { timeout: 10_000 };

const criteriaOf = (nodes: readonly SetNode[]): Criterion[] => nodes.flatMap((node) => (node.kind === 'criterion' ? [node] : criteriaOf(node.children)));
const indexOf = (options: Criterion['options'], better: (a: number, b: number) => boolean) =>
  options.reduce((pick, option, i) => (better(option.points, options[pick]!.points) ? i : pick), 0);

/**
 * Best options, then the worst on criteria in sheet order while the total stays at or above
 * `target`: first on criteria without minimum-star marks (so no star is capped), then on the others.
 */
function planTotal(criteria: readonly Criterion[], target: number): { choices: Choices; total: number } {
  const choices: Choices = {};
  let total = 0;
  for (const c of criteria) {
    choices[c.code] = indexOf(c.options, (a, b) => a > b);
    total += c.options[choices[c.code]!]!.points;
  }
  const marked = (c: Criterion) => c.options.some((o) => o.minStar !== null);
  for (const c of [...criteria.filter((c) => !marked(c)), ...criteria.filter(marked)]) {
    const worst = indexOf(c.options, (a, b) => a < b);
    const drop = c.options[choices[c.code]!]!.points - c.options[worst]!.points;
    if (total - drop < target) continue;
    choices[c.code] = worst;
    total -= drop;
  }
  return { choices, total };
}

/** Closes the notifications the steps left, so screenshots show the page. */
async function dismissToasts(page: Page): Promise<void> {
  const closers = page.locator('.mantine-Notifications-root').getByRole('button', { name: 'Đóng' });
  // A closing toast leaves with an animation: click what is still there until none is left.
  for (let i = 0; i < 20 && (await closers.count()) > 0; i += 1)
    await closers
      .first()
      .click({ timeout: 1_000 })
      .catch(() => undefined);
  await expect.poll(() => closers.count(), WAIT).toBe(0);
}

async function stateOf(page: Page): Promise<string | null> {
  return page.getByTestId('dossier-state').first().getAttribute('data-state');
}

/** Opens a step's dialog from the dossier page and confirms it with the same button inside. */
async function takeStep(page: Page, step: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByTestId('dossier-actions').getByRole('button', { name: step, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: step });
  await fill?.(dialog);
  await dialog.getByRole('button', { name: step, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Picks an option of a Mantine Select, typing first to search. */
async function choose(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string, search?: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('evaluation cycle', () => {
  let adminPage: Page;
  let admin: Api;
  let producerPage: Page;
  let criteria: Criterion[] = [];
  let producerChoices: Choices = {};
  let dossierUrl = '';
  let sessionUrl = '';
  let dossierId = '';
  const memberApi = {} as Record<MemberKey, Api>;
  let fourStarVerificationPath = '';

  it('lets the producer file the dossier and the commune officer assess it (Mẫu 03)', async () => {
    adminPage = await open();
    await login(adminPage, server.baseUrl, 'admin@ocop.demo');
    admin = await apiFor(adminPage, server.baseUrl);
    const subjects = await admin<{ items: { id: string }[] }>('GET', '/subjects?q=nem%20lai%20vung');
    await admin('POST', '/users', {
      email: PRODUCER.email,
      fullName: PRODUCER.fullName,
      role: 'producer',
      subjectId: subjects.items[0]?.id,
      password: PRODUCER.password,
    });
    for (const m of MEMBERS) await admin('POST', '/users', { email: m.email, fullName: m.fullName, role: 'council', password: COUNCIL_PASSWORD });

    // The producer's self-assessment is filled through the API: the sheet has its own spec.
    producerPage = await open();
    await login(producerPage, server.baseUrl, PRODUCER.email, PRODUCER.password);
    const producer = await apiFor(producerPage, server.baseUrl);
    const products = await producer<{ items: { id: string; name: string }[] }>('GET', '/products');
    const product = products.items.find((p) => p.name === 'Nem Lai Vung')!;
    const sheet = await producer<{ id: string; versionSlug: string; setNumber: number }>('POST', `/products/${product.id}/self-assessments`, {});
    const detail = await producer<CriteriaSetDetail>('GET', `/criteria/${sheet.versionSlug}/${sheet.setNumber}`);
    criteria = detail.set.parts.flatMap((part) => criteriaOf(part.items));
    producerChoices = planTotal(criteria, 82).choices;
    await producer('PUT', `/self-assessments/${sheet.id}`, { choices: producerChoices, notes: {} });
    await producer('POST', `/self-assessments/${sheet.id}/complete`);
    // The papers on file go with the dossier when it is filed (Art. 6): they are the producer's own business.
    await filePapers(producerPage, subjects.items[0]!.id, product.id);

    await producerPage.getByRole('link', { name: 'Sản phẩm', exact: true }).click();
    await producerPage.getByRole('link', { name: 'Nem Lai Vung', exact: true }).click();
    await producerPage.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
    const form = producerPage.getByRole('dialog', { name: 'Lập hồ sơ đánh giá: Nem Lai Vung' });
    // Mẫu 01 starts from the producer's record; the completed self-assessment is chosen.
    expect(await form.getByRole('textbox', { name: 'Họ tên người đại diện' }).inputValue()).toBe('Nguyễn Thị Hai');
    expect(await form.getByRole('combobox', { name: 'Phiếu tự đánh giá' }).inputValue()).toMatch(/^Phiếu ngày \d{2}\/\d{2}\/\d{4} — 8\d điểm$/u);
    await form.getByRole('textbox', { name: 'Chức vụ' }).fill('Chủ hộ kinh doanh');
    await form.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
    await producerPage.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/u);
    dossierUrl = producerPage.url();
    dossierId = dossierUrl.split('/').pop()!;
    expect(await stateOf(producerPage)).toBe('draft');

    await takeStep(producerPage, 'Nộp hồ sơ cho xã');
    await expect.poll(() => stateOf(producerPage), WAIT).toBe('submitted');
    expect(await producerPage.getByTestId('dossier-progress').getAttribute('data-step')).toBe('2');

    // The officer of Lai Vung finds it from the bell.
    const officerPage = await open();
    await login(officerPage, server.baseUrl, 'canbo.sadec@ocop.demo');
    await officerPage.getByRole('button', { name: /^Thông báo \(1 chưa đọc\)/u }).click();
    await officerPage.getByRole('dialog', { name: 'Thông báo' }).getByTestId('notification').filter({ hasText: 'Nem Lai Vung' }).first().click();
    await officerPage.waitForURL(dossierUrl);
    await takeStep(officerPage, 'Đánh giá (Mẫu 03)', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Nguồn gốc nguyên liệu' }).fill('Thịt heo nuôi tại Lai Vung, mua của các hộ chăn nuôi trong xã');
      await dialog.getByRole('textbox', { name: 'Sử dụng lao động địa phương' }).fill('8 lao động, đều là người địa phương');
      await dialog.getByRole('textbox', { name: 'Nguồn gốc ý tưởng sản phẩm' }).fill('Công thức gia truyền của gia đình từ năm 1985');
      await dialog.getByRole('textbox', { name: 'Tính đặc trưng, bản sắc địa phương' }).fill('Đặc sản nem Lai Vung, gói lá chùm ruột');
      await dialog.getByRole('radio', { name: 'Đề nghị cấp tỉnh đánh giá, phân hạng' }).check();
      await dialog.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Lai');
    });
    await expect.poll(() => stateOf(officerPage), WAIT).toBe('commune_assessed');
    await officerPage.getByTestId('commune-assessment').getByText('Công thức gia truyền của gia đình từ năm 1985').waitFor();
    expect(await officerPage.getByRole('button', { name: /^Thông báo \(0 chưa đọc\)/u }).count()).toBe(1);
  });

  it('lets the office receive, ask about evidence, return, and (after a refused stale step) receive again and send it to the council', async () => {
    // The round follows from the filing date (Art. 5): the first whose proposal deadline is still ahead.
    const year = Number(today().slice(0, 4));
    const round = roundForProposal([...defaultRounds(year, 'province'), ...defaultRounds(year + 1, 'province')], today())!;
    const roundName = `Đợt ${round.number} năm ${round.proposalDeadline.slice(0, 4)} (cấp tỉnh)`;

    await adminPage.goto(dossierUrl);
    await takeStep(adminPage, 'Tiếp nhận hồ sơ', async (dialog) => {
      await dialog.getByTestId('receive-round').getByText(roundName).waitFor();
    });
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('received');
    await adminPage.getByText(roundName).first().waitFor();

    // A question on the evidence of criterion 1.1, for the producer to answer.
    const adminQuestions = adminPage.getByTestId('questions-panel');
    await choose(adminQuestions, adminPage, 'Tiêu chí', '1.1. Nguồn nguyên liệu', '1.1');
    await adminQuestions.getByRole('textbox', { name: 'Câu hỏi' }).fill('Đề nghị bổ sung hợp đồng mua thịt heo với các hộ chăn nuôi.');
    await adminQuestions.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await adminQuestions.getByTestId('question').and(adminPage.locator('[data-status="open"]')).waitFor();

    await adminPage.getByTestId('dossier-actions').getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    const returning = adminPage.getByRole('dialog', { name: 'Trả lại để bổ sung' });
    await returning.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await returning.getByText('Bắt buộc nhập.').waitFor();
    await returning.getByRole('textbox', { name: 'Lý do' }).fill(RETURN_REASON);
    await returning.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await returning.waitFor({ state: 'hidden' });
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('returned');

    // The producer reads why and resubmits, while the office still shows the returned dossier.
    await producerPage.goto(dossierUrl);
    await producerPage.getByTestId('dossier-event').filter({ hasText: RETURN_REASON }).waitFor();
    const producerQuestions = producerPage.getByTestId('questions-panel');
    await producerQuestions.getByRole('textbox', { name: 'Trả lời câu hỏi về tiêu chí 1.1' }).fill('Đã bổ sung hợp đồng với 5 hộ chăn nuôi trong xã.');
    await producerQuestions.getByRole('button', { name: 'Trả lời' }).click();
    await producerQuestions.getByTestId('question').and(producerPage.locator('[data-status="answered"]')).waitFor();
    await takeStep(producerPage, 'Nộp bổ sung');
    await expect.poll(() => stateOf(producerPage), WAIT).toBe('resubmitted');

    // A step taken from the old version is refused; the page shows the new state instead.
    await adminPage.getByTestId('dossier-actions').getByRole('button', { name: 'Rút hồ sơ' }).click();
    const withdrawing = adminPage.getByRole('dialog', { name: 'Rút hồ sơ' });
    await withdrawing.getByRole('textbox', { name: 'Lý do' }).fill('Thử rút từ bản cũ');
    await withdrawing.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await adminPage.getByText('Hồ sơ vừa được người khác cập nhật').waitFor();
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('resubmitted');

    // Answered, the question is closed: open questions would hold the dossier from being scored.
    await adminQuestions.getByRole('button', { name: 'Đóng câu hỏi' }).click();
    await adminQuestions.getByTestId('question').and(adminPage.locator('[data-status="closed"]')).waitFor();
    expect(await adminQuestions.innerText()).toContain('Đã bổ sung hợp đồng với 5 hộ chăn nuôi trong xã.');

    await takeStep(adminPage, 'Tiếp nhận hồ sơ');
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('received');
    await takeStep(adminPage, 'Chuyển hội đồng');
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('in_council');

    // The advisory team's site visit, with a note on criterion 1.1 for the council.
    const visits = adminPage.getByTestId('site-visits');
    await visits.getByRole('button', { name: 'Ghi nhận khảo sát' }).click();
    const visitForm = visits.getByTestId('site-visit-form');
    await visitForm.getByRole('textbox', { name: 'Thành phần đoàn khảo sát' }).fill(VISITORS);
    await visitForm.getByRole('textbox', { name: 'Nhận xét chung' }).fill('Cơ sở sản xuất sạch sẽ, có khu sơ chế riêng.');
    await visitForm.getByRole('button', { name: 'Thêm ghi chú theo tiêu chí' }).click();
    const noteRow = visitForm.getByRole('group', { name: 'Ghi chú theo tiêu chí 1' });
    await choose(noteRow, adminPage, 'Tiêu chí', '1.1. Nguồn nguyên liệu', '1.1');
    await noteRow.getByRole('textbox', { name: 'Ghi chú' }).fill(SITE_NOTE);
    await visitForm.getByRole('button', { name: 'Lưu khảo sát' }).click();
    await visits.getByTestId('site-visit').filter({ hasText: SITE_NOTE }).waitFor();
    await dismissToasts(adminPage);
    await screenshot(adminPage, 'evaluation-dossier-desktop');
    await adminPage.setViewportSize(PHONE);
    await adminPage.reload();
    await adminPage.getByTestId('dossier-progress').waitFor();
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(adminPage, 'evaluation-dossier-phone');
    await adminPage.setViewportSize(DESKTOP);
  });

  it('lets the office set up a council by its establishing decision, attach its rules and open a session over the dossier', async () => {
    await adminPage.goto(`${server.baseUrl}/councils`);
    await adminPage.getByRole('link', { name: 'Lập hội đồng' }).click();
    await adminPage.getByRole('textbox', { name: 'Tên hội đồng' }).fill('Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp');
    const establishment = adminPage.getByTestId('council-establishment');
    await establishment.getByRole('textbox', { name: 'Số quyết định' }).fill('120/QĐ-UBND');
    const established = await establishment.getByRole('textbox', { name: 'Ngày ký' });
    await established.fill(dayMonthYear(today()));
    await established.press('Enter');
    await establishment.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Trần Trí Quang');
    await establishment.getByRole('textbox', { name: 'Chức vụ người ký' }).fill('Phó Chủ tịch');
    for (const [i, member] of MEMBERS.entries()) {
      if (i >= 3) await adminPage.getByRole('button', { name: 'Thêm thành viên' }).click(); // the form starts with a chair, a secretary and a member
      const fieldset = adminPage.getByRole('group', { name: `Thành viên ${i + 1}`, exact: true });
      await choose(fieldset, adminPage, 'Tài khoản hội đồng', `${member.fullName} (${member.email})`, member.fullName.split(' ').pop());
      await choose(fieldset, adminPage, 'Chức danh trong hội đồng', member.position);
      expect(await fieldset.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe(member.fullName);
      await fieldset.getByRole('textbox', { name: 'Cơ quan, đơn vị' }).fill(member.organisation);
    }
    // The secretary keeps the minutes and does not score (Art. 7.3b): five scoring members.
    expect(await adminPage.getByRole('group', { name: 'Thành viên 2', exact: true }).getByTestId('member-voting').isChecked()).toBe(false);
    await adminPage.getByRole('button', { name: 'Lập hội đồng' }).click();
    await adminPage.waitForURL(`${server.baseUrl}/councils`);
    const card = adminPage.getByTestId('council-card').filter({ hasText: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp' });
    await card.getByText('Võ Thị Hạnh').waitFor();
    // No session opens before its operating rules are attached.
    expect(await card.getByRole('button', { name: 'Mở phiên họp' }).isDisabled()).toBe(true);
    await card.getByLabel('Đính kèm quy chế').setInputFiles(PDF('Quy chế hoạt động của Hội đồng.pdf'));
    await card.locator('[data-testid="council-rules"][data-attached="yes"]').waitFor();
    await dismissToasts(adminPage);
    await screenshot(adminPage, 'evaluation-council-desktop');

    await card.getByRole('button', { name: 'Mở phiên họp' }).click();
    const dialog = adminPage.getByRole('dialog', { name: /^Mở phiên họp: / });
    await dialog.getByRole('textbox', { name: 'Tên phiên họp' }).fill('Phiên họp đánh giá sản phẩm OCOP đợt 1');
    await dialog.getByRole('checkbox', { name: /^Nem Lai Vung/u }).check();
    await dialog.getByRole('button', { name: 'Mở phiên họp' }).click();
    await adminPage.waitForURL(/\/council-sessions\/[0-9a-f-]{36}$/u);
    sessionUrl = adminPage.url();
    const attendance = adminPage.getByTestId('attendance');
    await attendance.getByRole('button', { name: 'Tất cả có mặt' }).click();
    await attendance.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await attendance.getByText(`Có mặt ${MEMBERS.length}/${MEMBERS.length} thành viên.`, { exact: false }).waitFor();
  });

  it('blocks the member who declares a conflict, and takes a member’s sheet through the browser', async () => {
    const conflictedPage = await open();
    await login(conflictedPage, server.baseUrl, MEMBERS[3].email, COUNCIL_PASSWORD);
    await conflictedPage.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hội đồng' }).click();
    await conflictedPage.getByRole('link', { name: 'Phiên họp đánh giá sản phẩm OCOP đợt 1' }).click();
    await conflictedPage.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
    const declaring = conflictedPage.getByRole('dialog', { name: /^Khai báo xung đột lợi ích/u });
    await declaring.getByRole('radio', { name: /^Có xung đột lợi ích/u }).check();
    await declaring.getByRole('textbox', { name: 'Ghi chú' }).fill('Chủ hộ là người thân');
    await declaring.getByRole('button', { name: 'Khai báo', exact: true }).click();
    await conflictedPage.getByTestId('may-not-score').waitFor();
    expect(await conflictedPage.getByRole('link', { name: 'Chấm điểm' }).count()).toBe(0);
    await conflictedPage.goto(`${sessionUrl}/dossiers/${dossierId}/sheet`);
    expect(await conflictedPage.getByTestId('may-not-score').innerText()).toContain('xung đột lợi ích');

    const scorerPage = await open();
    await login(scorerPage, server.baseUrl, MEMBERS[2].email, COUNCIL_PASSWORD);
    await scorerPage.goto(sessionUrl);
    await scorerPage.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
    const declaringNone = scorerPage.getByRole('dialog', { name: /^Khai báo xung đột lợi ích/u });
    await declaringNone.getByRole('radio', { name: 'Không có xung đột lợi ích' }).check();
    await declaringNone.getByRole('button', { name: 'Khai báo', exact: true }).click();
    await scorerPage.getByRole('link', { name: 'Chấm điểm' }).click();
    await scorerPage.waitForURL(/\/sheet$/u);
    await scorerPage.getByRole('heading', { name: 'Phiếu chấm: Nem Lai Vung' }).waitFor();

    // Beside criterion 1.1: the producer's own option as filed and the site visit's note; the visit above the sheet.
    await scorerPage.getByTestId('sheet-context').getByText(VISITORS, { exact: false }).waitFor();
    const criterion11 = scorerPage.getByTestId('criterion-1.1');
    await criterion11.getByTestId('site-visit-note').filter({ hasText: SITE_NOTE }).waitFor();
    const ownOption = criteria.find((c) => c.code === '1.1')!.options[producerChoices['1.1']!]!;
    await expect.poll(() => criterion11.getByTestId('self-assessed').innerText(), WAIT).toContain(ownOption.label);

    // Every criterion's best option: 100 points, far from the others' sheets.
    const best = planTotal(criteria, 100);
    for (const [code, index] of Object.entries(best.choices)) await scorerPage.getByTestId(`criterion-${code}`).getByRole('radio').nth(index).click();
    await expect.poll(() => scorerPage.getByTestId('save-state').first().getAttribute('data-state'), WAIT).toBe('saved');
    await expect.poll(() => scorerPage.getByTestId('running-total').first().innerText(), WAIT).toBe(String(best.total));
    await dismissToasts(scorerPage);
    await screenshot(scorerPage, 'evaluation-score-sheet-desktop');
    await criterion11.scrollIntoViewIfNeeded();
    await screenshot(scorerPage, 'evaluation-score-sheet-context-desktop', { keepScroll: true });
    await scorerPage.getByRole('button', { name: 'Nộp phiếu' }).first().click();
    await scorerPage.getByTestId('sheet-submitted').waitFor();
    await scorerPage.setViewportSize(PHONE);
    await scorerPage.reload();
    await scorerPage.getByTestId('sheet-submitted').waitFor();
    expect(await scorerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(scorerPage, 'evaluation-score-sheet-phone');
    // On a phone the context under each criterion starts folded.
    await criterion11.getByRole('button', { name: 'Thông tin đối chiếu của tiêu chí 1.1' }).click();
    await criterion11.getByTestId('self-assessed').waitFor({ state: 'visible' });
    await scorerPage.waitForTimeout(400); // the unfolding animation
    await criterion11.getByTestId('site-visit-note').scrollIntoViewIfNeeded();
    await screenshot(scorerPage, 'evaluation-score-sheet-context-phone', { keepScroll: true });
    memberApi.scorer = await apiFor(scorerPage, server.baseUrl);
  });

  it('hides every total from the chair until the session closes, re-scores with a reason, then closes on close scores', async () => {
    const sheetPath = `/council-sessions/${sessionUrl.split('/').pop()}/dossiers/${dossierId}`;
    for (const m of MEMBERS.filter((m) => ['chair', 'secretary', 'health', 'culture'].includes(m.key))) {
      const member = await signedIn(browser, server.baseUrl, m.email, COUNCIL_PASSWORD);
      contexts.push(member.context);
      memberApi[m.key] = member.api;
    }
    const score = async (key: MemberKey, target: number) => {
      const sheet = await memberApi[key]<{ version: number }>('GET', `${sheetPath}/sheet`);
      await memberApi[key]('PUT', `${sheetPath}/sheet`, { choices: planTotal(criteria, target).choices, expectedVersion: sheet.version });
      await memberApi[key]('POST', `${sheetPath}/sheet/submit`);
    };
    for (const key of ['chair', 'health', 'culture'] as const) await memberApi[key]('POST', `${sheetPath}/declaration`, { hasConflict: false });

    // Before locking their own sheet, the chair sees who has submitted — never a total.
    const chairPage = await open();
    await login(chairPage, server.baseUrl, MEMBERS[0].email, COUNCIL_PASSWORD);
    await chairPage.goto(sessionUrl);
    await chairPage.getByTestId('council-progress').waitFor();
    await chairPage.getByTestId('independence-notice').waitFor();
    expect(await chairPage.getByTestId('council-mean').count()).toBe(0);
    expect(await chairPage.getByText(String(planTotal(criteria, 100).total), { exact: true }).count()).toBe(0);
    await chairPage.getByText('Phạm Minh Tâm').first().waitFor();
    await screenshot(chairPage, 'evaluation-council-before-closing-desktop');

    await score('chair', 80);
    await score('health', 45);
    await chairPage.reload();
    const progress = chairPage.getByTestId('council-progress');
    await expect.poll(() => progress.getAttribute('data-rescore'), WAIT).toBe('yes');
    expect(await chairPage.getByTestId('council-spread').count()).toBe(0);
    await chairPage.getByTestId('rescore-required').first().scrollIntoViewIfNeeded();
    await screenshot(chairPage, 'evaluation-council-rescore-desktop', { keepScroll: true });
    await chairPage.getByRole('button', { name: 'Yêu cầu chấm lại' }).first().click();
    const rescoring = chairPage.getByTestId('rescore-dialog');
    await rescoring
      .getByRole('textbox', { name: 'Lý do chấm lại' })
      .fill('Chênh lệch giữa các phiếu hơn 10 điểm; hội đồng thảo luận tiêu chí nguồn nguyên liệu và chấm lại.');
    await rescoring.getByRole('button', { name: 'Yêu cầu chấm lại' }).click();
    await rescoring.waitFor({ state: 'hidden' });
    await chairPage.getByText('Vòng chấm 2').first().waitFor();
    await chairPage.getByTestId('rescorings').getByText('hội đồng thảo luận tiêu chí nguồn nguyên liệu', { exact: false }).waitFor();

    await score('chair', 80);
    await score('health', 78);
    await score('culture', 79);
    await score('scorer', 79);
    await chairPage.reload();
    await expect.poll(() => chairPage.getByTestId('council-progress').getAttribute('data-ready'), WAIT).toBe('yes');
    expect(await chairPage.getByTestId('council-progress').getAttribute('data-rescore')).toBe('no');
    await dismissToasts(chairPage);
    await chairPage.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await chairPage.getByRole('dialog', { name: 'Kết thúc phiên họp?' }).getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await expect.poll(() => chairPage.getByTestId('session-status').getAttribute('data-status'), WAIT).toBe('closed');

    // Closed: the council's mean of the four locked sheets of round 2, and the star.
    const mean = Number((await chairPage.getByTestId('council-mean').innerText()).replace(',', '.'));
    expect(mean).toBeGreaterThanOrEqual(70);
    expect(mean).toBeLessThan(90);
    // No minimum-star mark was missed: the council's star is its band's.
    expect(await chairPage.getByTestId('council-star').getAttribute('data-stars')).toBe('4');
    await chairPage.getByTestId('council-result').scrollIntoViewIfNeeded();
    await dismissToasts(chairPage);
    await screenshot(chairPage, 'evaluation-council-result-desktop', { keepScroll: true });
    await chairPage.setViewportSize(PHONE);
    await chairPage.getByTestId('council-result').scrollIntoViewIfNeeded();
    expect(await chairPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(chairPage, 'evaluation-council-result-phone', { keepScroll: true });
    await chairPage.setViewportSize(DESKTOP);
    const minutes = await chairPage.request.get(`${server.baseUrl}/api/v1/council-sessions/${sessionUrl.split('/').pop()}/minutes.docx`);
    expect(minutes.headers()['content-type']).toContain('wordprocessingml');
  });

  it('lets the office record a 4★ decision whose certificate has a PDF and a public verification page', async () => {
    await adminPage.goto(dossierUrl);
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('scored');
    await adminPage.getByRole('link', { name: 'Ghi quyết định công nhận' }).click();
    await adminPage.waitForURL(/\/decisions\/new\?dossier=/u);
    const form = adminPage.getByTestId('decision-form');
    await form.getByRole('textbox', { name: 'Số quyết định' }).fill('1234/QĐ-UBND');
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Trần Trí Quang');
    // 70–89 points: the band allows 4★, which the form proposes.
    expect(await form.getByRole('combobox', { name: 'Hạng công nhận của Nem Lai Vung' }).inputValue()).toBe('4 sao');
    await form.getByRole('button', { name: 'Ghi quyết định (1 hồ sơ)' }).click();
    await adminPage.waitForURL(`${server.baseUrl}/decisions`);
    const decision = adminPage.getByTestId('decision-card').filter({ hasText: '1234/QĐ-UBND' });
    await decision.getByRole('link', { name: /^OCOP-82-\d{4}-0001$/u }).click();
    await adminPage.waitForURL(/\/certificates\/[0-9a-f-]{36}$/u);
    expect(await adminPage.getByTestId('certificate-status').getAttribute('data-status')).toBe('valid');
    expect(await adminPage.getByRole('img', { name: '4 sao' }).count()).toBe(1);

    const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPage.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^OCOP-82-\d{4}-0001\.pdf$/u);
    const pdf = await adminPage.request.get(`${server.baseUrl}/api/v1/certificates/${adminPage.url().split('/').pop()}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const verificationUrl = await adminPage.getByTestId('verification-url').innerText();
    expect(verificationUrl).toMatch(/\/v\/[A-Za-z0-9_-]{11,64}$/u);
    fourStarVerificationPath = new URL(verificationUrl).pathname;
    const publicPage = await open(PHONE);
    await publicPage.goto(verificationUrl);
    await publicPage.getByText('Sản phẩm OCOP chính hãng').first().waitFor();

    // The producer finds the certificate among its own.
    await producerPage.goto(`${server.baseUrl}/certificates`);
    await producerPage.getByTestId('certificate-row').filter({ hasText: 'Nem Lai Vung' }).waitFor();
    await screenshot(producerPage, 'evaluation-certificates-desktop');
    await producerPage.setViewportSize(PHONE);
    await producerPage.reload();
    await producerPage.getByTestId('certificate-row').first().waitFor();
    expect(await producerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(producerPage, 'evaluation-certificates-phone');
    await producerPage.setViewportSize(DESKTOP);
  });

  it('takes a product of 90 points to the ministry: the Chair’s approval, the letter, a central council of its own, the Minister’s 5★', async () => {
    // The dossier reaches the province's council and is scored there through the API (the steps above are the same).
    const producer = await apiFor(producerPage, server.baseUrl);
    const subjectId = (await producer<{ user: { subjectId: string } }>('GET', '/auth/me')).user.subjectId;
    const product = await producer<{ id: string }>('POST', '/products', { subjectId, name: 'Nem Lai Vung hộp quà', criteriaSetNumber: 8 });
    await filePapers(producerPage, subjectId, product.id, 'product');
    const sheet = await producer<{ id: string }>('POST', `/products/${product.id}/self-assessments`, {});
    const best = planTotal(criteria, 100).choices;
    await producer('PUT', `/self-assessments/${sheet.id}`, { choices: best, notes: {} });
    await producer('POST', `/self-assessments/${sheet.id}/complete`);
    const created = await producer<{ id: string; version: number }>('POST', '/dossiers', {
      productId: product.id,
      kind: 'first',
      selfAssessmentId: sheet.id,
      registration: { representativeName: PRODUCER.fullName },
    });
    const officer = await signedIn(browser, server.baseUrl, 'canbo.sadec@ocop.demo', 'ocop-demo-2026');
    contexts.push(officer.context);
    const take = async (api: Api, action: string, extra: Record<string, unknown> = {}) => {
      const current = await api<{ version: number }>('GET', `/dossiers/${created.id}`);
      return api<{ state: string }>('POST', `/dossiers/${created.id}/transitions`, { action, expectedVersion: current.version, ...extra });
    };
    await take(producer, 'submit');
    await take(officer.api, 'assess', {
      assessment: {
        rawMaterialOrigin: 'Thịt heo của xã',
        localLabour: '8 lao động địa phương',
        ideaOrigin: 'Công thức gia truyền',
        localIdentity: 'Đặc sản Lai Vung',
        conclusion: 'propose',
        signer: 'Nguyễn Văn Lai',
        signerTitle: 'Chủ tịch',
      },
    });
    await take(admin, 'receive');
    await take(admin, 'send_to_council');
    const councils = await admin<{ id: string; members: { id: string }[] }[]>('GET', '/councils');
    const session = await admin<{ id: string }>('POST', `/councils/${councils[0]!.id}/sessions`, {
      title: 'Phiên họp đánh giá sản phẩm OCOP đợt 2',
      heldOn: today(),
      dossierIds: [created.id],
    });
    await memberApi.secretary('PUT', `/council-sessions/${session.id}/attendance`, { memberIds: councils[0]!.members.map((m) => m.id) });
    const conflicted = await signedIn(browser, server.baseUrl, MEMBERS[3].email, COUNCIL_PASSWORD);
    contexts.push(conflicted.context);
    memberApi.conflicted = conflicted.api;
    for (const key of ['chair', 'scorer', 'conflicted', 'health', 'culture'] as const) {
      const path = `/council-sessions/${session.id}/dossiers/${created.id}`;
      await memberApi[key]('POST', `${path}/declaration`, { hasConflict: false });
      const own = await memberApi[key]<{ version: number }>('GET', `${path}/sheet`);
      await memberApi[key]('PUT', `${path}/sheet`, { choices: planTotal(criteria, 96).choices, expectedVersion: own.version });
      await memberApi[key]('POST', `${path}/sheet/submit`);
    }
    await memberApi.secretary('POST', `/council-sessions/${session.id}/close`);

    // The provincial Chair approves the result (Art. 7.3e): no 4★, no certificate yet.
    const url = `${server.baseUrl}/dossiers/${created.id}`;
    await adminPage.goto(url);
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('scored');
    await adminPage.getByRole('link', { name: 'Ghi quyết định phê duyệt kết quả' }).click();
    await adminPage.waitForURL(/\/decisions\/new\?dossier=/u);
    const form = adminPage.getByTestId('decision-form');
    await form.getByRole('textbox', { name: 'Số quyết định' }).fill('1300/QĐ-UBND');
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Trần Trí Quang');
    await screenshot(adminPage, 'evaluation-approval-form-desktop');
    await form.getByRole('button', { name: 'Ghi quyết định (1 hồ sơ)' }).click();
    await adminPage.waitForURL(`${server.baseUrl}/decisions`);
    await adminPage.goto(url);
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('approved');

    // The province's letter to the ministry, with the five samples.
    await takeStep(adminPage, 'Đề nghị Trung ương đánh giá 5 sao', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Số văn bản gửi Bộ' }).fill('1520/UBND-KT');
      await dialog.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Trần Trí Quang');
      await dialog.getByRole('textbox', { name: 'Chức vụ người ký' }).fill('Phó Chủ tịch');
    });
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('forwarded_to_ministry');
    const pkg = await adminPage.request.get(`${server.baseUrl}/api/v1/dossiers/${created.id}/ministry-package`);
    expect(pkg.headers()['content-type']).toBe('application/zip');
    await dismissToasts(adminPage);
    await screenshot(adminPage, 'evaluation-forwarded-desktop');

    // The ministry receives it, puts it before the central council it set up, which scores it.
    const ministryPage = await open();
    await login(ministryPage, server.baseUrl, 'bo.ocop@ocop.demo');
    const ministry = await apiFor(ministryPage, server.baseUrl);
    await take(ministry, 'ministry_receive', { samplesReceived: 5 });
    await take(ministry, 'send_to_central_council');
    const central: { key: string; api: Api; userId: string }[] = [];
    for (const [i, role] of ['chair', 'm1', 'm2', 'm3', 'm4', 'secretary'].entries()) {
      const email = `tw.${role}@bonnmt.gov.vn`;
      const user = await ministry<{ user: { id: string } }>('POST', '/users', {
        email,
        fullName: `Thành viên Hội đồng TW ${i + 1}`,
        role: 'council',
        password: COUNCIL_PASSWORD,
      });
      const member = await signedIn(browser, server.baseUrl, email, COUNCIL_PASSWORD);
      contexts.push(member.context);
      central.push({ key: role, api: member.api, userId: user.user.id });
    }
    const centralCouncil = await ministry<{ id: string; members: { id: string }[] }>('POST', '/councils', {
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương',
      level: 'ministry',
      year: Number(today().slice(0, 4)),
      establishment: { number: '45/QĐ-BNNMT', date: today(), signer: 'Nguyễn Văn Hùng', signerTitle: 'Thứ trưởng' },
      members: central.map((m, i) => ({
        fullName: `Thành viên Hội đồng TW ${i + 1}`,
        organisation: ['Bộ NN&MT', 'Bộ Công Thương', 'Bộ Y tế', 'Bộ KH&CN', 'Bộ VHTTDL', 'Văn phòng Điều phối NTM TW'][i],
        position: m.key === 'chair' ? 'chair' : m.key === 'secretary' ? 'secretary' : 'member',
        userId: m.userId,
      })),
    });
    await uploadAs(ministryPage, server.baseUrl, `/councils/${centralCouncil.id}/rules`, {}, PDF('Quy chế Hội đồng cấp trung ương.pdf'));
    const centralSession = await ministry<{ id: string }>('POST', `/councils/${centralCouncil.id}/sessions`, {
      title: 'Phiên họp Hội đồng cấp trung ương',
      heldOn: today(),
      dossierIds: [created.id],
    });
    for (const m of central.filter((m) => m.key !== 'secretary')) {
      const path = `/council-sessions/${centralSession.id}/dossiers/${created.id}`;
      await m.api('POST', `${path}/declaration`, { hasConflict: false });
      const own = await m.api<{ version: number }>('GET', `${path}/sheet`);
      await m.api('PUT', `${path}/sheet`, { choices: planTotal(criteria, 95).choices, expectedVersion: own.version });
      await m.api('POST', `${path}/sheet/submit`);
    }
    await central
      .find((m) => m.key === 'secretary')!
      .api('PUT', `/council-sessions/${centralSession.id}/attendance`, { memberIds: centralCouncil.members.map((m) => m.id) });
    await central.find((m) => m.key === 'secretary')!.api('POST', `/council-sessions/${centralSession.id}/close`);

    // The Minister recognises 5★ on the central council's score.
    await ministryPage.goto(url);
    await expect.poll(() => stateOf(ministryPage), WAIT).toBe('central_scored');
    await ministryPage.getByRole('link', { name: 'Ghi quyết định công nhận 5 sao' }).click();
    await ministryPage.waitForURL(/\/decisions\/new\?dossier=/u);
    const ministryForm = ministryPage.getByTestId('decision-form');
    await ministryForm.getByRole('textbox', { name: 'Số quyết định' }).fill('812/QĐ-BNNMT');
    await ministryForm.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Hùng');
    await ministryForm.getByRole('button', { name: 'Ghi quyết định (1 hồ sơ)' }).click();
    await ministryPage.waitForURL(`${server.baseUrl}/decisions`);
    await ministryPage
      .getByTestId('decision-card')
      .filter({ hasText: '812/QĐ-BNNMT' })
      .getByRole('link', { name: /^OCOP-TW-\d{4}-0001$/u })
      .click();
    await ministryPage.waitForURL(/\/certificates\/[0-9a-f-]{36}$/u);
    expect(await ministryPage.getByTestId('certificate-status').getAttribute('data-status')).toBe('valid');
    expect(await ministryPage.getByRole('img', { name: '5 sao' }).count()).toBe(1);
    await screenshot(ministryPage, 'evaluation-five-star-certificate-desktop');
    const verificationUrl = await ministryPage.getByTestId('verification-url').innerText();
    const publicPage = await open(PHONE);
    await publicPage.goto(verificationUrl);
    await publicPage.getByText('Sản phẩm OCOP chính hãng').first().waitFor();
    await publicPage.getByText('Bộ Nông nghiệp và Môi trường').first().waitFor();
    await screenshot(publicPage, 'evaluation-verification-five-star-phone');
  });

  it('shows the certificate expired once the calendar passes its 36 months (server restarted under faketime)', async () => {
    const verificationPath = fourStarVerificationPath;
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    // Four years on, with no re-rating filed: past expiry (Art. 4.3) and past any extension (Art. 12).
    const later = await startServer({ dataDir, fakeTime: `${new Date().getUTCFullYear() + 4}-01-15 09:00:00` });
    try {
      const page = await open(PHONE);
      await page.goto(`${later.baseUrl}${verificationPath}`);
      await page.getByRole('status').filter({ hasText: 'HẾT HIỆU LỰC' }).first().waitFor();
      await screenshot(page, 'evaluation-verification-expired-phone');
      const api = await page.request.get(`${later.baseUrl}/api/v1/public/certificates/${verificationPath.split('/').pop()}`);
      expect(await api.json()).toMatchObject({ genuine: true, inForce: false, status: 'expired' });
    } finally {
      await later.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
