import { periodProblems, pastDateProblem } from '../dates/periods.js';
import type { FieldErrors, Message } from '../errors.js';
import { validatePhone } from '../identifiers/contact.js';
import { parseProductCode } from '../identifiers/product-code.js';
import {
  checkListingPlatform,
  normaliseListingUrl,
  placementProblems,
  type DistributionChannel,
  type EcommercePlatform,
  type Placement,
  type SalesPointChecklistCode,
  type SalesPointKind,
  type SalesPointLocation,
  type SalesPointStatus,
  type TradeEventKind,
} from '../market/index.js';
import {
  webUrlProblem,
  type BusinessPlanKind,
  type BusinessPlanStatus,
  type CommunicationKind,
  type GrantStatus,
  type IdeaStatus,
  type SupportArea,
} from '../programme/index.js';
import { parseChoice, parseCodeList, parseCount, parseDate, parseMoney, parseNumber, parseText, parseYesNo, type Cell, type Parsed } from './cells.js';
import {
  BUSINESS_PLAN_KIND_CHOICES,
  BUSINESS_PLAN_STATUS_CHOICES,
  COMMUNICATION_KIND_CHOICES,
  DISTRIBUTION_CHANNEL_CHOICES,
  ECOMMERCE_PLATFORM_CHOICES,
  FUNDING_SOURCE_CHOICES,
  GRANT_STATUS_CHOICES,
  IDEA_STATUS_CHOICES,
  PLACEMENT_CHOICES,
  SALES_POINT_KIND_CHOICES,
  SALES_POINT_LOCATION_CHOICES,
  SALES_POINT_STATUS_CHOICES,
  SUPPORT_AREA_CHOICES,
  TRADE_EVENT_KIND_CHOICES,
  type FundingSource,
} from './choices.js';
import { matchPlace, type PlaceIndex } from './places.js';
import { code, criteriaSet, identifier, RowReader, stripUndefined, type ImportContext, type RawRow, type RowProblem } from './rows.js';
import { SALES_POINT_CHECKLIST_COLUMNS, type ActivitySheetKey } from './sheets.js';

/**
 * The rows of the market and programme sheets (issue 13), read cell by cell with every problem
 * listed, under the rules of the API: periods end on or after their start, acts done are not dated
 * after today, an event's figures are written only once it has ended, amounts are whole đồng, URLs
 * are kept normalised. Rows refer to producers and products by code; whether those exist is checked
 * against the file and the database by the server (crossCheck), as are the rules between sheets.
 *
 * As for the first three sheets, a field is `undefined` when its column is not in the file (an
 * update keeps what is stored) and `null` when the cell is empty (an update clears it); a list of
 * products in a cell is the whole list (an empty cell: none).
 */
export type ActivityContext = ImportContext & {
  /** The day the clock says, in Vietnam (YYYY-MM-DD). */
  today: string;
  provinceCode: string;
  communes: PlaceIndex;
  provinces: PlaceIndex;
};
export type Read<T> = { record?: T; problems: RowProblem[] };

export type SalesPointRecord = {
  row: number;
  code: string;
  name: string;
  kind: SalesPointKind;
  operator?: string | null;
  address?: string | null;
  placement?: Placement;
  communeCode?: string | null;
  otherProvinceCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  locationType?: SalesPointLocation | null;
  openedOn?: string | null;
  status?: SalesPointStatus;
  closedOn?: string | null;
  phone?: string | null;
  productCodes?: string[];
  note?: string | null;
  /** The Decision 950/QĐ-BCT items the file says (Có/Không); an item left blank keeps what is stored. */
  checklist?: Partial<Record<SalesPointChecklistCode, boolean>>;
};
export type ChainListingRecord = {
  row: number;
  productCode: string;
  chain: string;
  channel?: DistributionChannel;
  stores?: number | null;
  since?: string | null;
  active?: boolean;
  note?: string | null;
};
export type OnlineListingRecord = {
  row: number;
  productCode: string;
  platform: EcommercePlatform;
  url: string;
  active?: boolean;
  lastCheckedOn?: string | null;
};
export type TradeEventRecord = {
  row: number;
  code: string;
  name: string;
  kind: TradeEventKind;
  startsOn: string;
  endsOn: string;
  placement?: Placement;
  place?: string | null;
  communeCode?: string | null;
  otherProvinceCode?: string | null;
  country?: string | null;
  organiser?: string | null;
  booths?: number | null;
  visitors?: number | null;
  revenueVnd?: number | null;
  contracts?: number | null;
  note?: string | null;
};
export type EventParticipantRecord = {
  row: number;
  eventCode: string;
  subjectCode: string;
  productCodes?: string[];
  booths?: number | null;
  revenueVnd?: number | null;
};
export type ProductIdeaRecord = {
  row: number;
  code: string;
  title: string;
  communeCode: string;
  subjectCode?: string | null;
  proposerName?: string | null;
  description?: string | null;
  criteriaSetNumber?: number | null;
  receivedOn: string;
  status?: IdeaStatus;
  screenedOn?: string | null;
  screeningNote?: string | null;
};
export type BusinessPlanRecord = {
  row: number;
  code: string;
  ideaCode: string;
  kind?: BusinessPlanKind;
  title: string;
  submittedOn: string;
  approvedOn?: string | null;
  status?: BusinessPlanStatus;
  investmentVnd?: number | null;
  productCode?: string | null;
  progressNote?: string | null;
};
export type SupportPolicyRecord = {
  row: number;
  code: string;
  name: string;
  area: SupportArea;
  legalBasis?: string | null;
  year: number;
  budgetVnd?: number | null;
  note?: string | null;
};
export type SupportGrantRecord = {
  row: number;
  policyCode: string;
  code: string;
  subjectCode: string;
  productCode?: string | null;
  planCode?: string | null;
  content: string;
  amountVnd: number;
  fundingSource: FundingSource;
  grantedOn: string;
  status?: GrantStatus;
  note?: string | null;
};
export type CommunicationItemRecord = {
  row: number;
  code: string;
  kind: CommunicationKind;
  title: string;
  channel?: string | null;
  publishedOn: string;
  quantity?: number;
  url?: string | null;
  note?: string | null;
};
export type TrainingCourseRecord = {
  row: number;
  code: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  place?: string | null;
  communeCode?: string | null;
  organiser?: string | null;
  trainers?: string | null;
  participants?: number;
  note?: string | null;
};
export type TrainingAttendeeRecord = { row: number; courseCode: string; subjectCode: string; people: number };

export type ActivityRecords = {
  salesPoints: SalesPointRecord[];
  chainListings: ChainListingRecord[];
  onlineListings: OnlineListingRecord[];
  tradeEvents: TradeEventRecord[];
  eventParticipants: EventParticipantRecord[];
  productIdeas: ProductIdeaRecord[];
  businessPlans: BusinessPlanRecord[];
  supportPolicies: SupportPolicyRecord[];
  supportGrants: SupportGrantRecord[];
  communicationItems: CommunicationItemRecord[];
  trainingCourses: TrainingCourseRecord[];
  trainingAttendees: TrainingAttendeeRecord[];
};

// ——— Cells ———

const fail = (vi: string, en: string): Parsed<never> => ({ ok: false, message: { vi, en } });

/** Text of `min`–`max` characters (the API's bounds); empty is null. */
const text =
  (max: number, min = 1) =>
  (v: Cell): Parsed<string | null> => {
    const t = parseText(v, max);
    if (!t.ok || t.value === null || t.value.length >= min) return t;
    return fail(`Ngắn quá (ít nhất ${min} ký tự).`, `Too short (at least ${min} characters).`);
  };

/** A product by the province's code or by its OCOP code, which is kept in its canonical form ("82-30037-7-2024" → "82-30037-007-2024"). */
export const productRef = (v: Cell): Parsed<string | null> => {
  const t = code(v);
  if (!t.ok || t.value === null) return t;
  const ocop = parseProductCode(t.value);
  return ocop.ok ? { ok: true, value: ocop.value } : t;
};
const productList = (v: Cell) => parseCodeList(v, (s) => productRef(s));

const place =
  (index: PlaceIndex) =>
  (v: Cell): Parsed<string | null> => {
    const t = parseText(typeof v === 'number' ? String(v) : v, 200);
    if (!t.ok || t.value === null) return t;
    return matchPlace(index, t.value);
  };

const whole =
  (min: number, max: number) =>
  (v: Cell): Parsed<number | null> => {
    const n = parseCount(v);
    if (!n.ok || n.value === null) return n;
    return n.value >= min && n.value <= max ? n : fail(`Phải từ ${min.toLocaleString('vi-VN')} đến ${max.toLocaleString('vi-VN')}.`, `Must be ${min}–${max}.`);
  };
/** A count of booths, visitors, stores, contracts (the API's bound). */
const count = whole(0, 1e9);

const coordinate =
  (limit: number) =>
  (v: Cell): Parsed<number | null> => {
    const n = parseNumber(v);
    if (!n.ok || n.value === null) return n;
    return Math.abs(n.value) <= limit ? n : fail(`Phải từ -${limit} đến ${limit}.`, `Must be between -${limit} and ${limit}.`);
  };

const choice =
  <T extends string>(choices: Readonly<Record<T, readonly string[]>>, what: Message) =>
  (v: Cell) =>
    parseChoice(v, choices, what);

/** A communication item's link under the API's rule (webUrlProblem); one typed without "https://" gets it. */
const webAddress = (v: Cell): Parsed<string | null> => {
  const t = parseText(v, 2000);
  if (!t.ok || t.value === null) return t;
  const url = /^[a-z][a-z0-9+.-]*:/i.test(t.value) ? t.value : `https://${t.value}`;
  const problem = webUrlProblem(url);
  return problem ? { ok: false, message: problem } : { ok: true, value: url };
};

/** A date of something done: not after today (acts done are not dated in the future). */
const pastDate =
  (today: string) =>
  (v: Cell): Parsed<string | null> => {
    const d = parseDate(v);
    if (!d.ok || d.value === null) return d;
    const future = pastDateProblem(d.value, today);
    return future ? { ok: false, message: future } : d;
  };

/** Field errors of the domain's rules, on the columns they concern (`columns` maps the rule's field names to the sheet's). */
function fieldProblems(r: RowReader, fields: FieldErrors, columns: Readonly<Record<string, string>> = {}) {
  for (const [field, message] of Object.entries(fields)) r.problem(columns[field] ?? field, message);
}

/**
 * Where a point or an event is: the column "Vị trí", or what the commune, other-province and country
 * columns say when it is empty; undefined when the file has none of these columns (an update keeps
 * what is stored). Checked by the rule of placementProblems.
 */
function readPlacement(r: RowReader, ctx: ActivityContext, opts: { communeRequired: boolean; country: boolean }) {
  const explicit = r.read('vi_tri', choice(PLACEMENT_CHOICES, { vi: 'vị trí', en: 'placement' }));
  const communeCode = r.read('xa', place(ctx.communes));
  const otherProvinceCode = r.read('tinh_khac', place(ctx.provinces));
  const country = opts.country ? r.read('quoc_gia', text(100)) : undefined;
  const said = ['vi_tri', 'xa', 'tinh_khac', 'quoc_gia'].some((c) => r.has(c));
  const placement: Placement | undefined =
    explicit ?? (otherProvinceCode ? 'other_province' : country ? 'abroad' : said && !r.failed('vi_tri') ? 'in_province' : undefined);
  if (placement && !['vi_tri', 'xa', 'tinh_khac', 'quoc_gia'].some((c) => r.failed(c)))
    fieldProblems(
      r,
      placementProblems({ placement, communeCode, otherProvinceCode, country: opts.country ? (country ?? null) : undefined }, ctx.provinceCode, {
        communeRequired: opts.communeRequired && r.has('xa'),
      }),
      { communeCode: 'xa', otherProvinceCode: 'tinh_khac', country: 'quoc_gia' },
    );
  return { placement, communeCode, otherProvinceCode, country };
}

/** A period: the end defaults to the start (a one-day event or course); ends before its start are refused. */
function readPeriod(r: RowReader, today: string, mayBeFuture: boolean) {
  const startsOn = r.required('tu_ngay', parseDate);
  const endsOn = r.read('den_ngay', parseDate) ?? startsOn;
  if (startsOn && endsOn && !r.failed('den_ngay'))
    fieldProblems(r, periodProblems({ start: startsOn, end: endsOn }, { start: 'tu_ngay', end: 'den_ngay' }, today, { mayBeFuture }));
  return { startsOn, endsOn };
}

const done = <T>(r: RowReader, record: T | null): Read<T> =>
  r.problems.length || !record ? { problems: r.problems } : { record: stripUndefined(record as object) as T, problems: [] };

// ——— Rows ———

export function readSalesPointRow(raw: RawRow, ctx: ActivityContext): Read<SalesPointRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_diem_ban', code);
  const name = r.required('ten_diem_ban', text(300, 2));
  const kind = r.required('loai_diem_ban', choice(SALES_POINT_KIND_CHOICES, { vi: 'loại điểm bán', en: 'kind of sales point' }));
  const where = readPlacement(r, ctx, { communeRequired: true, country: false });
  const openedOn = r.read('ngay_khai_truong', pastDate(ctx.today));
  const status = r.read('trang_thai', choice(SALES_POINT_STATUS_CHOICES, { vi: 'trạng thái', en: 'status' }));
  const closedOn = r.read('ngay_dong_cua', pastDate(ctx.today));
  if (closedOn && status !== undefined && status !== 'closed')
    r.problem('ngay_dong_cua', { vi: 'Chỉ ghi ngày đóng cửa khi điểm bán đã đóng cửa.', en: 'Only give a closing date when the point is closed.' });
  else if (openedOn && closedOn && closedOn < openedOn)
    r.problem('ngay_dong_cua', { vi: 'Ngày đóng cửa không được trước ngày khai trương.', en: 'The closing date cannot be before the opening date.' });
  const latitude = r.read('vi_do', coordinate(90));
  const longitude = r.read('kinh_do', coordinate(180));
  // A position is a pair: one coordinate alone puts the point nowhere on the map.
  if (!r.failed('vi_do') && !r.failed('kinh_do') && (latitude == null) !== (longitude == null))
    r.problem(latitude == null ? 'vi_do' : 'kinh_do', {
      vi: 'Ghi cả vĩ độ và kinh độ, hoặc để trống cả hai.',
      en: 'Give both latitude and longitude, or neither.',
    });
  const productCodes = r.read('san_pham', productList);
  const checklist: Partial<Record<SalesPointChecklistCode, boolean>> = {};
  for (const col of SALES_POINT_CHECKLIST_COLUMNS) {
    const met = r.read(col.key, parseYesNo);
    if (typeof met === 'boolean') checklist[col.code] = met;
  }
  const record = {
    row: raw.row,
    code: code_!,
    name: name!,
    kind: kind!,
    operator: r.read('don_vi_van_hanh', text(300)),
    address: r.read('dia_chi', text(500)),
    placement: where.placement,
    communeCode: where.communeCode,
    otherProvinceCode: where.otherProvinceCode,
    latitude,
    longitude,
    locationType: r.read('dia_diem_950', choice(SALES_POINT_LOCATION_CHOICES, { vi: 'loại địa điểm', en: 'kind of location' })),
    openedOn,
    status: status === null ? 'active' : status,
    closedOn,
    phone: r.read('dien_thoai', identifier(validatePhone)),
    productCodes: productCodes === null ? [] : productCodes,
    note: r.read('ghi_chu', text(2000)),
    checklist: Object.keys(checklist).length ? checklist : undefined,
  };
  return done(r, code_ && name && kind ? record : null);
}

export function readChainListingRow(raw: RawRow, ctx: ActivityContext): Read<ChainListingRecord> {
  const r = new RowReader(raw);
  const productCode = r.required('ma_san_pham', productRef);
  const chain = r.required('he_thong', text(200, 2));
  const channel = r.read('kenh', choice(DISTRIBUTION_CHANNEL_CHOICES, { vi: 'kênh phân phối', en: 'channel' }));
  const active = r.read('dang_ban', parseYesNo);
  const record = {
    row: raw.row,
    productCode: productCode!,
    chain: chain!,
    channel: channel === null ? 'supermarket' : channel,
    stores: r.read('so_cua_hang', count),
    since: r.read('tu_ngay', pastDate(ctx.today)),
    active: active === null ? true : active,
    note: r.read('ghi_chu', text(1000)),
  };
  return done(r, productCode && chain ? record : null);
}

export function readOnlineListingRow(raw: RawRow, ctx: ActivityContext): Read<OnlineListingRecord> {
  const r = new RowReader(raw);
  const productCode = r.required('ma_san_pham', productRef);
  const typed = r.required('duong_dan', text(2000));
  const named = r.read('san', choice(ECOMMERCE_PLATFORM_CHOICES, { vi: 'sàn', en: 'platform' }));
  let url: string | undefined;
  let platform: EcommercePlatform | undefined;
  if (typed) {
    const normalised = normaliseListingUrl(typed);
    if (!normalised.ok) r.problem('duong_dan', normalised.message);
    else {
      url = normalised.url;
      // No platform written: the marketplace the address is on, else "Khác".
      platform = named ?? normalised.platform ?? 'other';
      const mismatch = named === undefined && r.failed('san') ? null : checkListingPlatform(platform, url);
      if (mismatch) r.problem(named ? 'san' : 'duong_dan', mismatch);
    }
  }
  const active = r.read('dang_ban', parseYesNo);
  const record = {
    row: raw.row,
    productCode: productCode!,
    platform: platform!,
    url: url!,
    active: active === null ? true : active,
    lastCheckedOn: r.read('ngay_kiem_tra', pastDate(ctx.today)),
  };
  return done(r, productCode && url && platform ? record : null);
}

/** An event has ended once its last day is past (the API's rule): its figures are known from the day after. */
const FIGURES_ONCE_HELD: Message = {
  vi: 'Sự kiện chưa kết thúc: chỉ ghi lượt khách, doanh thu, hợp đồng khi đã diễn ra.',
  en: 'The event has not ended: visitors, revenue and contracts are recorded only once it has.',
};

export function readTradeEventRow(raw: RawRow, ctx: ActivityContext): Read<TradeEventRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_su_kien', code);
  const name = r.required('ten_su_kien', text(300, 3));
  const kind = r.required('loai_su_kien', choice(TRADE_EVENT_KIND_CHOICES, { vi: 'loại sự kiện', en: 'kind of event' }));
  // An event may be entered ahead of its days (docs/domain.md), its figures only once it has ended.
  const { startsOn, endsOn } = readPeriod(r, ctx.today, true);
  const where = readPlacement(r, ctx, { communeRequired: false, country: true });
  const figures = {
    visitors: r.read('luot_khach', count),
    revenueVnd: r.read('doanh_thu', (v) => parseMoney(v, r.unit('doanh_thu'))),
    contracts: r.read('so_hop_dong', count),
  };
  if (endsOn && !(endsOn < ctx.today))
    for (const [column, value] of [
      ['luot_khach', figures.visitors],
      ['doanh_thu', figures.revenueVnd],
      ['so_hop_dong', figures.contracts],
    ] as const)
      if (value !== null && value !== undefined) r.problem(column, FIGURES_ONCE_HELD);
  const record = {
    row: raw.row,
    code: code_!,
    name: name!,
    kind: kind!,
    startsOn: startsOn!,
    endsOn: endsOn!,
    ...where,
    place: r.read('dia_diem', text(500)),
    organiser: r.read('don_vi_to_chuc', text(300)),
    booths: r.read('so_gian_hang', count),
    ...figures,
    note: r.read('ghi_chu', text(2000)),
  };
  return done(r, code_ && name && kind && startsOn && endsOn ? record : null);
}

/** A participant's revenue, like the event's, only once the event has ended: checked by the server, which knows the event's days. */
export function readEventParticipantRow(raw: RawRow): Read<EventParticipantRecord> {
  const r = new RowReader(raw);
  const eventCode = r.required('ma_su_kien', code);
  const subjectCode = r.required('ma_chu_the', code);
  const productCodes = r.read('san_pham', productList);
  const record = {
    row: raw.row,
    eventCode: eventCode!,
    subjectCode: subjectCode!,
    productCodes: productCodes === null ? [] : productCodes,
    booths: r.read('so_gian_hang', count),
    revenueVnd: r.read('doanh_thu', (v) => parseMoney(v, r.unit('doanh_thu'))),
  };
  return done(r, eventCode && subjectCode ? record : null);
}

export function readProductIdeaRow(raw: RawRow, ctx: ActivityContext): Read<ProductIdeaRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_y_tuong', code);
  const title = r.required('ten_y_tuong', text(300, 3));
  const communeCode = r.required('xa', place(ctx.communes));
  const subjectCode = r.read('ma_chu_the', code);
  const proposerName = r.read('nguoi_de_xuat', text(300));
  // Ocop-rules §8, step 1: the idea of a registered producer, or of a person who is not one yet.
  if ((r.has('ma_chu_the') || r.has('nguoi_de_xuat')) && !subjectCode && !proposerName && !r.failed('ma_chu_the') && !r.failed('nguoi_de_xuat'))
    r.problem(r.has('ma_chu_the') ? 'ma_chu_the' : 'nguoi_de_xuat', {
      vi: 'Ghi mã chủ thể, hoặc tên người đề xuất khi chủ thể chưa có trong hệ thống.',
      en: 'Give the producer’s code, or the proposer’s name when the producer is not registered yet.',
    });
  const receivedOn = r.required('ngay_tiep_nhan', pastDate(ctx.today));
  const status = r.read('trang_thai', choice(IDEA_STATUS_CHOICES, { vi: 'kết quả sàng lọc', en: 'screening result' }));
  const screenedOn = r.read('ngay_sang_loc', pastDate(ctx.today));
  const screened = status !== undefined && status !== null && status !== 'received';
  if (screened && !screenedOn && !r.failed('ngay_sang_loc'))
    r.problem('ngay_sang_loc', { vi: 'Ghi ngày sàng lọc của ý tưởng đã có kết quả.', en: 'Give the date the idea was screened.' });
  if (!screened && status !== undefined && screenedOn)
    r.problem('ngay_sang_loc', { vi: 'Ý tưởng chưa sàng lọc (Đã tiếp nhận) không có ngày sàng lọc.', en: 'An idea not screened yet has no screening date.' });
  if (receivedOn && screenedOn && screenedOn < receivedOn)
    r.problem('ngay_sang_loc', { vi: 'Ngày sàng lọc không được trước ngày tiếp nhận.', en: 'The screening date cannot be before the date received.' });
  const screeningNote = r.read('y_kien', text(5000));
  // A return or a rejection says why: it is the advice the proposer gets.
  if ((status === 'returned' || status === 'rejected') && !screeningNote && !r.failed('y_kien'))
    r.problem(r.has('y_kien') ? 'y_kien' : 'trang_thai', {
      vi: 'Ghi ý kiến hướng dẫn hoặc lý do không chấp nhận gửi người đề xuất.',
      en: 'Write the advice, or the reason for rejection, given to the proposer.',
    });
  const record = {
    row: raw.row,
    code: code_!,
    title: title!,
    communeCode: communeCode!,
    subjectCode,
    proposerName,
    description: r.read('mo_ta', text(5000)),
    criteriaSetNumber: r.read('bo_san_pham', criteriaSet(ctx)),
    receivedOn: receivedOn!,
    status: status === null ? 'received' : status,
    screenedOn,
    screeningNote,
  };
  return done(r, code_ && title && communeCode && receivedOn ? record : null);
}

/** Plans past drafting have been approved, on a day. */
const APPROVED: readonly BusinessPlanStatus[] = ['approved', 'implementing', 'completed'];

/** Whether the plan's idea was accepted, and when it was screened, is checked by the server against the idea's row or record. */
export function readBusinessPlanRow(raw: RawRow, ctx: ActivityContext): Read<BusinessPlanRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_phuong_an', code);
  const ideaCode = r.required('ma_y_tuong', code);
  const kind = r.read('loai', choice(BUSINESS_PLAN_KIND_CHOICES, { vi: 'loại', en: 'kind' }));
  const title = r.required('ten_phuong_an', text(300, 3));
  const submittedOn = r.required('ngay_nop', pastDate(ctx.today));
  const approvedOn = r.read('ngay_duyet', pastDate(ctx.today));
  const status = r.read('trang_thai', choice(BUSINESS_PLAN_STATUS_CHOICES, { vi: 'trạng thái', en: 'status' }));
  const effective = status === null ? 'drafting' : status;
  if (submittedOn && approvedOn && approvedOn < submittedOn)
    r.problem('ngay_duyet', { vi: 'Ngày duyệt không được trước ngày nộp.', en: 'The approval date cannot be before the submission date.' });
  else if (effective === 'drafting' && approvedOn)
    r.problem('ngay_duyet', { vi: 'Phương án đang xây dựng chưa có ngày phê duyệt.', en: 'A plan being drafted has no approval date yet.' });
  if (effective && APPROVED.includes(effective) && !approvedOn && !r.failed('ngay_duyet'))
    r.problem('ngay_duyet', { vi: 'Ghi ngày phương án được phê duyệt.', en: 'Give the date the plan was approved.' });
  const record = {
    row: raw.row,
    code: code_!,
    ideaCode: ideaCode!,
    kind: kind === null ? 'plan' : kind,
    title: title!,
    submittedOn: submittedOn!,
    approvedOn,
    status: status === null ? 'drafting' : status,
    investmentVnd: r.read('von_dau_tu', (v) => parseMoney(v, r.unit('von_dau_tu'))),
    productCode: r.read('ma_san_pham', productRef),
    progressNote: r.read('tien_do', text(5000)),
  };
  return done(r, code_ && ideaCode && title && submittedOn ? record : null);
}

export function readSupportPolicyRow(raw: RawRow): Read<SupportPolicyRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_chinh_sach', code);
  const name = r.required('ten_chinh_sach', text(500, 3));
  const area = r.required('linh_vuc', choice(SUPPORT_AREA_CHOICES, { vi: 'lĩnh vực', en: 'area' }));
  const year = r.required('nam', whole(2000, 2100));
  const record = {
    row: raw.row,
    code: code_!,
    name: name!,
    area: area!,
    legalBasis: r.read('can_cu', text(1000)),
    year: year!,
    budgetVnd: r.read('kinh_phi', (v) => parseMoney(v, r.unit('kinh_phi'))),
    note: r.read('ghi_chu', text(2000)),
  };
  return done(r, code_ && name && area && year ? record : null);
}

/** That the grant is dated in its policy's year and within its budget is checked by the server. */
export function readSupportGrantRow(raw: RawRow, ctx: ActivityContext): Read<SupportGrantRecord> {
  const r = new RowReader(raw);
  const policyCode = r.required('ma_chinh_sach', code);
  const code_ = r.required('ma_khoan_ho_tro', code);
  const subjectCode = r.required('ma_chu_the', code);
  const content = r.required('noi_dung', text(1000, 3));
  const amountVnd = r.required('so_tien', (v) => parseMoney(v, r.unit('so_tien')));
  const fundingSource = r.required('nguon_von', choice(FUNDING_SOURCE_CHOICES, { vi: 'nguồn vốn', en: 'source of funds' }));
  const grantedOn = r.required('ngay_ho_tro', pastDate(ctx.today));
  const status = r.read('trang_thai', choice(GRANT_STATUS_CHOICES, { vi: 'trạng thái', en: 'status' }));
  const record = {
    row: raw.row,
    policyCode: policyCode!,
    code: code_!,
    subjectCode: subjectCode!,
    productCode: r.read('ma_san_pham', productRef),
    planCode: r.read('ma_phuong_an', code),
    content: content!,
    amountVnd: amountVnd!,
    fundingSource: fundingSource!,
    grantedOn: grantedOn!,
    status: status === null ? 'approved' : status,
    note: r.read('ghi_chu', text(2000)),
  };
  return done(r, policyCode && code_ && subjectCode && content && amountVnd !== undefined && fundingSource && grantedOn ? record : null);
}

export function readCommunicationItemRow(raw: RawRow, ctx: ActivityContext): Read<CommunicationItemRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_tin_bai', code);
  const kind = r.required('loai', choice(COMMUNICATION_KIND_CHOICES, { vi: 'loại tin bài', en: 'kind of item' }));
  const title = r.required('tieu_de', text(500, 3));
  const publishedOn = r.required('ngay_dang', pastDate(ctx.today));
  const quantity = r.read('so_luong', whole(1, 1e9));
  const record = {
    row: raw.row,
    code: code_!,
    kind: kind!,
    title: title!,
    channel: r.read('kenh', text(300)),
    publishedOn: publishedOn!,
    quantity: quantity === null ? 1 : quantity,
    url: r.read('duong_dan', webAddress),
    note: r.read('ghi_chu', text(2000)),
  };
  return done(r, code_ && kind && title && publishedOn ? record : null);
}

export function readTrainingCourseRow(raw: RawRow, ctx: ActivityContext): Read<TrainingCourseRecord> {
  const r = new RowReader(raw);
  const code_ = r.required('ma_lop', code);
  const topic = r.required('chu_de', text(500, 3));
  // A course may be entered ahead of its start (the API's rule); who came is known only once it has started.
  const { startsOn, endsOn } = readPeriod(r, ctx.today, true);
  const participants = r.read('so_hoc_vien', whole(0, 1e6));
  if (startsOn && startsOn > ctx.today && participants)
    r.problem('so_hoc_vien', {
      vi: 'Lớp chưa khai giảng: chỉ ghi số học viên khi lớp đã bắt đầu.',
      en: 'The course has not started: record participants once it has.',
    });
  const record = {
    row: raw.row,
    code: code_!,
    topic: topic!,
    startsOn: startsOn!,
    endsOn: endsOn!,
    place: r.read('dia_diem', text(500)),
    communeCode: r.read('xa', place(ctx.communes)),
    organiser: r.read('don_vi_to_chuc', text(300)),
    trainers: r.read('giang_vien', text(1000)),
    participants: participants === null ? 0 : participants,
    note: r.read('ghi_chu', text(2000)),
  };
  return done(r, code_ && topic && startsOn && endsOn ? record : null);
}

export function readTrainingAttendeeRow(raw: RawRow): Read<TrainingAttendeeRecord> {
  const r = new RowReader(raw);
  const courseCode = r.required('ma_lop', code);
  const subjectCode = r.required('ma_chu_the', code);
  const people = r.read('so_nguoi', whole(1, 1000));
  return done(r, courseCode && subjectCode ? { row: raw.row, courseCode, subjectCode, people: people ?? 1 } : null);
}

/** The reader of each sheet of issue 13. */
export const ACTIVITY_READERS: { readonly [K in ActivitySheetKey]: (raw: RawRow, ctx: ActivityContext) => Read<ActivityRecords[K][number]> } = {
  salesPoints: readSalesPointRow,
  chainListings: readChainListingRow,
  onlineListings: readOnlineListingRow,
  tradeEvents: readTradeEventRow,
  eventParticipants: readEventParticipantRow,
  productIdeas: readProductIdeaRow,
  businessPlans: readBusinessPlanRow,
  supportPolicies: readSupportPolicyRow,
  supportGrants: readSupportGrantRow,
  communicationItems: readCommunicationItemRow,
  trainingCourses: readTrainingCourseRow,
  trainingAttendees: readTrainingAttendeeRow,
};
