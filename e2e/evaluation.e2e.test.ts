import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSetDetail } from '../src/contracts/criteria.js';
import { apiFor, signedIn, type Api } from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The evaluation cycle of the issue, in Chromium: the Lai Vung nem producer files a dossier, the
 * commune officer assesses it (Mẫu 03), the office receives it, asks about a criterion's evidence and
 * returns it once; the producer answers and resubmits; the office receives it again and sends it to a
 * council of four; one member declares a conflict and may not score, three score
 * too far apart, the chair asks for re-scoring, the session closes on close scores, and the office's
 * decision issues a 4★ certificate whose PDF and public page work.
 * Certificate expiry needs a clock the browser cannot move: the API tests cover it.
 */

type SetNode = CriteriaSetDetail['set']['parts'][number]['items'][number];
type Criterion = Extract<SetNode, { kind: 'criterion' }>;
type Choices = Record<string, number>;

const PRODUCER = { email: 'bahai.nem@ocop.demo', password: 'nem-lai-vung-2026', fullName: 'Nguyễn Thị Hai' };
const COUNCIL_PASSWORD = 'hoi-dong-ocop-2026';
/** Four council accounts; the last declares a conflict of interest. */
const MEMBERS = [
  { key: 'chair', email: 'chutich.hd@ocop.demo', fullName: 'Trần Văn Chính', organisation: 'Sở Nông nghiệp và Môi trường', position: 'Chủ tịch' },
  { key: 'secretary', email: 'thuky.hd@ocop.demo', fullName: 'Lê Thị Thu', organisation: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'Thư ký' },
  { key: 'scorer', email: 'thanhvien.hd@ocop.demo', fullName: 'Phạm Minh Tâm', organisation: 'Sở Công Thương', position: 'Thành viên' },
  { key: 'conflicted', email: 'vothihai.hd@ocop.demo', fullName: 'Võ Thị Hạnh', organisation: 'Sở Khoa học và Công nghệ', position: 'Thành viên' },
] as const;
type MemberKey = (typeof MEMBERS)[number]['key'];
const RETURN_REASON = 'Thiếu phiếu kiểm nghiệm';
const VISITORS = 'Tổ tư vấn: Nguyễn Văn An, Lê Thị Bình';
const SITE_NOTE = 'Đã xem sổ mua thịt heo của 5 hộ chăn nuôi trong xã; nguyên liệu đúng như kê khai.';
const WAIT = { timeout: 10_000 };

const criteriaOf = (nodes: readonly SetNode[]): Criterion[] => nodes.flatMap((node) => (node.kind === 'criterion' ? [node] : criteriaOf(node.children)));
const indexOf = (options: Criterion['options'], better: (a: number, b: number) => boolean) => options.reduce((pick, option, i) => (better(option.points, options[pick]!.points) ? i : pick), 0);

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
  for (let i = 0; i < 20 && (await closers.count()) > 0; i += 1) await closers.first().click({ timeout: 1_000 }).catch(() => undefined);
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

  it('lets the producer file the dossier and the commune officer assess it (Mẫu 03)', async () => {
    adminPage = await open();
    await login(adminPage, server.baseUrl, 'admin@ocop.demo');
    admin = await apiFor(adminPage, server.baseUrl);
    const subjects = await admin<{ items: { id: string }[] }>('GET', '/subjects?q=nem%20lai%20vung');
    await admin('POST', '/users', { email: PRODUCER.email, fullName: PRODUCER.fullName, role: 'producer', subjectId: subjects.items[0]?.id, password: PRODUCER.password });
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
    });
    await expect.poll(() => stateOf(officerPage), WAIT).toBe('commune_assessed');
    await officerPage.getByTestId('commune-assessment').getByText('Công thức gia truyền của gia đình từ năm 1985').waitFor();
    expect(await officerPage.getByRole('button', { name: /^Thông báo \(0 chưa đọc\)/u }).count()).toBe(1);
  });

  it('lets the office receive, ask about evidence, return, and (after a refused stale step) receive again and send it to the council', async () => {
    // Rounds of Art. 5 for the year whose deadline the dossier still meets (the server picks it).
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4)) + (today.slice(5) > '10-30' ? 1 : 0);
    await admin('POST', '/rounds/defaults', { year });

    await adminPage.goto(dossierUrl);
    await takeStep(adminPage, 'Tiếp nhận hồ sơ', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Đợt đánh giá' }).and(dialog.locator(`[placeholder="Tự động: Đợt 1 năm ${year} (cấp tỉnh)"]`)).waitFor();
    });
    await expect.poll(() => stateOf(adminPage), WAIT).toBe('received');
    await adminPage.getByText(`Đợt 1 năm ${year} (cấp tỉnh)`).first().waitFor();

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

  it('lets the office set up a council of four and open a session over the dossier', async () => {
    await adminPage.goto(`${server.baseUrl}/councils`);
    await adminPage.getByRole('link', { name: 'Lập hội đồng' }).click();
    await adminPage.getByRole('textbox', { name: 'Tên hội đồng' }).fill('Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp');
    await adminPage.getByRole('button', { name: 'Thêm thành viên' }).click();
    for (const [i, member] of MEMBERS.entries()) {
      const fieldset = adminPage.getByRole('group', { name: `Thành viên ${i + 1}`, exact: true });
      await choose(fieldset, adminPage, 'Tài khoản hội đồng', `${member.fullName} (${member.email})`, member.fullName.split(' ').pop());
      await choose(fieldset, adminPage, 'Chức danh trong hội đồng', member.position);
      expect(await fieldset.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe(member.fullName);
      await fieldset.getByRole('textbox', { name: 'Cơ quan, đơn vị' }).fill(member.organisation);
    }
    await adminPage.getByRole('button', { name: 'Lập hội đồng' }).click();
    await adminPage.waitForURL(`${server.baseUrl}/councils`);
    const card = adminPage.getByTestId('council-card').filter({ hasText: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp' });
    await card.getByText('Võ Thị Hạnh').waitFor();

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
    await attendance.getByText('Có mặt 4/4 thành viên.', { exact: false }).waitFor();
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

    // Beside criterion 1.1: the producer's own option and the site visit's note; the visit above the sheet.
    await scorerPage.getByTestId('sheet-context').getByText(VISITORS, { exact: false }).waitFor();
    const criterion11 = scorerPage.getByTestId('criterion-1.1');
    await criterion11.getByTestId('site-visit-note').filter({ hasText: SITE_NOTE }).waitFor();
    const ownOption = criteria.find((c) => c.code === '1.1')!.options[producerChoices['1.1']!]!;
    await expect.poll(() => criterion11.getByTestId('self-assessed').innerText(), WAIT).toContain(ownOption.label);

    // Every criterion's best option: 100 points, far from the two others' sheets.
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

  it('makes the chair ask for re-scoring when the sheets are too far apart, then closes on close scores', async () => {
    const sheetPath = `/council-sessions/${sessionUrl.split('/').pop()}/dossiers/${dossierId}`;
    for (const m of MEMBERS.slice(0, 2)) {
      const member = await signedIn(browser, server.baseUrl, m.email, COUNCIL_PASSWORD);
      contexts.push(member.context);
      memberApi[m.key] = member.api;
    }
    const score = async (key: MemberKey, target: number) => {
      const sheet = await memberApi[key]<{ version: number }>('GET', `${sheetPath}/sheet`);
      await memberApi[key]('PUT', `${sheetPath}/sheet`, { choices: planTotal(criteria, target).choices, expectedVersion: sheet.version });
      await memberApi[key]('POST', `${sheetPath}/sheet/submit`);
    };
    for (const key of ['chair', 'secretary'] as const) await memberApi[key]('POST', `${sheetPath}/declaration`, { hasConflict: false });
    await score('chair', 80);
    await score('secretary', 45);

    const chairPage = await open();
    await login(chairPage, server.baseUrl, MEMBERS[0].email, COUNCIL_PASSWORD);
    await chairPage.goto(sessionUrl);
    const result = chairPage.getByTestId('council-result');
    await expect.poll(() => result.getAttribute('data-rescore'), WAIT).toBe('yes');
    expect(Number((await chairPage.getByTestId('council-spread').innerText()).replace(',', '.'))).toBeGreaterThan(10);
    await chairPage.getByTestId('rescore-required').scrollIntoViewIfNeeded();
    await screenshot(chairPage, 'evaluation-council-rescore-desktop', { keepScroll: true });
    await chairPage.getByRole('button', { name: 'Yêu cầu chấm lại' }).click();
    await chairPage.getByTestId('council-result-empty').waitFor();
    await chairPage.getByText('Vòng chấm 2').first().waitFor();

    await score('chair', 80);
    await score('secretary', 78);
    await score('scorer', 79);
    await chairPage.reload();
    await expect.poll(() => chairPage.getByTestId('council-result').getAttribute('data-ready'), WAIT).toBe('yes');
    expect(await chairPage.getByTestId('council-result').getAttribute('data-rescore')).toBe('no');
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
    await chairPage.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await chairPage.getByRole('dialog', { name: 'Kết thúc phiên họp?' }).getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await expect.poll(() => chairPage.getByTestId('session-status').getAttribute('data-status'), WAIT).toBe('closed');
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
  });

  it('shows the certificate expired once the calendar passes its 36 months (server restarted under faketime)', async () => {
    const verificationPath = new URL(await adminPage.getByTestId('verification-url').innerText()).pathname;
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    // Four years on, with no re-rating filed: past expiry (Art. 4.3) and past any extension (Art. 12).
    const later = await startServer({ dataDir, fakeTime: `${new Date().getUTCFullYear() + 4}-01-15 09:00:00` });
    try {
      const page = await open(PHONE);
      await page.goto(`${later.baseUrl}${verificationPath}`);
      await page.getByText('Giấy chứng nhận hết hiệu lực').first().waitFor();
      await screenshot(page, 'evaluation-verification-expired-phone');
      const api = await page.request.get(`${later.baseUrl}/api/v1/public/certificates/${verificationPath.split('/').pop()}`);
      expect(await api.json()).toMatchObject({ genuine: true, inForce: false, status: 'expired' });
    } finally {
      await later.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
