import { randomUUID } from 'node:crypto';
import {
  chainKey,
  normaliseListingUrl,
  SALES_POINT_CHECKLIST_CODES,
  type EcommercePlatform,
  type SalesPointKind,
  type SalesPointLocation,
  type TradeEventKind,
} from '../../domain/market/index.js';
import type { CommunicationKind, SupportArea } from '../../domain/programme/index.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import type { Db } from '../db/client.js';
import { loadCommuneOutlines } from '../lib/commune-outlines.js';
import { recordAudits, SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { referenceRepository } from '../modules/reference/reference.repository.js';
import { demoActivitiesRepository as repo, type DemoProduct } from './demo-activities.repository.js';
import { DEMO_PROVINCE } from './demo.js';
import type { Random } from './demo-random.js';

/**
 * The demo province's market and programme records, 2021 to 2026, drawn from its certified
 * products: OCOP sales points in its communes and two in Hồ Chí Minh City and Hà Nội, supermarket
 * and e-commerce listings, the fairs and culture weeks of each year, support policies and their
 * grants, communication and training, and the ideas and business plans at the front of each year's
 * cycle (some of them the products later recognised). Deterministic for a seed; all dated before
 * `today`.
 */

type Audit = Parameters<typeof recordAudits>[2][number];
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const slug = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const CHAINS = [
  ['Co.opmart', 'supermarket'],
  ['GO! / Big C', 'supermarket'],
  ['WinMart', 'supermarket'],
  ['Lotte Mart', 'supermarket'],
  ['MM Mega Market', 'wholesale'],
  ['Bách hóa Xanh', 'chain'],
  ['Co.op Food', 'convenience'],
] as const;

const PLATFORMS: [EcommercePlatform, number][] = [
  ['shopee', 5],
  ['lazada', 3],
  ['tiki', 2],
  ['postmart', 3],
  ['voso', 2],
  ['tiktok_shop', 2],
  ['province_floor', 3],
];

const pointInPolygon = ([x, y]: [number, number], ring: [number, number][]) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** A point drawn inside a commune's outline (its largest ring), or null without an outline. */
function pointIn(geometry: unknown, rnd: Random): [number, number] | null {
  const g = geometry as { type: string; coordinates: unknown };
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as [number, number][][][];
  const ring = polygons.map((p) => p[0]!).sort((a, b) => b.length - a.length)[0];
  if (!ring) return null;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  for (let i = 0; i < 200; i++) {
    const p: [number, number] = [
      Math.min(...xs) + rnd.next() * (Math.max(...xs) - Math.min(...xs)),
      Math.min(...ys) + rnd.next() * (Math.max(...ys) - Math.min(...ys)),
    ];
    if (pointInPolygon(p, ring)) return [Math.round(p[1] * 1e5) / 1e5, Math.round(p[0] * 1e5) / 1e5];
  }
  return null;
}

export type DemoActivitiesSummary = { salesPoints: number; listings: number; events: number; grants: number; courses: number; ideas: number };

export async function seedDemoActivities(db: Db, rnd: Random, today: string): Promise<DemoActivitiesSummary> {
  const products = await repo.certifiedProducts(db, DEMO_PROVINCE, today);
  const communes = await referenceRepository.communesOf(db, DEMO_PROVINCE);
  const communeName = new Map(communes.map((c) => [c.code, c.name]));
  const outlines = new Map((await loadCommuneOutlines(communeName)).features.map((f) => [f.id, f.geometry]));
  const bySubject = new Map<string, DemoProduct[]>();
  for (const p of products) bySubject.set(p.subjectId, [...(bySubject.get(p.subjectId) ?? []), p]);
  const subjectIds = [...bySubject.keys()];
  const communeOf = new Map(products.map((p) => [p.subjectId, p.communeCode]));
  const productCommunes = [...new Set(products.map((p) => p.communeCode))];
  const audits: Audit[] = [];
  const audit = (entityType: string, row: { id: string }) => audits.push({ action: 'create', entityType, entityId: row.id, after: row });

  // ——— Sales points: the province's OCOP points, a centre in the capital of the province, shops and counters.
  const pointPlans: { kind: SalesPointKind; location: SalesPointLocation; name: string; placement: 'in_province' | 'other_province'; other?: string }[] = [
    { kind: 'ocop_centre', location: 'fair_centre', name: 'Trung tâm giới thiệu sản phẩm OCOP tỉnh', placement: 'in_province' },
    { kind: 'ocop_point', location: 'tourism', name: 'Điểm OCOP Khu du lịch Đồng Sen', placement: 'in_province' },
    { kind: 'ocop_point', location: 'highway_stop', name: 'Điểm OCOP Trạm dừng nghỉ Quốc lộ 30', placement: 'in_province' },
    { kind: 'ocop_point', location: 'market_mall', name: 'Điểm OCOP Chợ trung tâm', placement: 'in_province' },
    { kind: 'ocop_point', location: 'craft_village', name: 'Điểm OCOP Làng hoa kiểng', placement: 'in_province' },
    { kind: 'ocop_point', location: 'post_office', name: 'Điểm OCOP Bưu điện văn hóa xã', placement: 'in_province' },
    { kind: 'shop', location: 'tourism', name: 'Cửa hàng đặc sản Sen Hồng', placement: 'in_province' },
    { kind: 'shop', location: 'transport_hub', name: 'Cửa hàng OCOP Bến xe khách tỉnh', placement: 'in_province' },
    { kind: 'supermarket_counter', location: 'market_mall', name: 'Quầy OCOP tại Co.opmart', placement: 'in_province' },
    { kind: 'supermarket_counter', location: 'market_mall', name: 'Quầy OCOP tại siêu thị GO!', placement: 'in_province' },
    { kind: 'ocop_point', location: 'market_mall', name: 'Điểm giới thiệu sản phẩm OCOP tại Thành phố Hồ Chí Minh', placement: 'other_province', other: '79' },
    { kind: 'ocop_point', location: 'fair_centre', name: 'Điểm giới thiệu sản phẩm OCOP tại Hà Nội', placement: 'other_province', other: '01' },
  ];
  const pointRows = pointPlans.map((p, i) => {
    const communeCode = p.placement === 'in_province' ? rnd.pick(productCommunes) : null;
    const at = communeCode ? pointIn(outlines.get(communeCode), rnd) : null;
    const openedOn = iso(2021 + (i % 5), 1 + rnd.int(0, 10), 1 + rnd.int(0, 27));
    const checklist = Object.fromEntries(SALES_POINT_CHECKLIST_CODES.map((c) => [c, rnd.chance(0.85)]));
    return {
      id: randomUUID(),
      provinceCode: DEMO_PROVINCE,
      externalCode: `DB-${String(i + 1).padStart(3, '0')}`,
      kind: p.kind,
      name: communeCode ? `${p.name} ${communeName.get(communeCode)}` : p.name,
      nameSearch: foldVietnamese(communeCode ? `${p.name} ${communeName.get(communeCode)}` : p.name),
      operator: p.kind === 'supermarket_counter' ? 'Liên hiệp Hợp tác xã Thương mại' : 'Trung tâm Xúc tiến Thương mại tỉnh',
      address: communeCode ? `Số ${rnd.int(1, 300)}, đường ${rnd.pick(['Nguyễn Huệ', 'Lê Lợi', 'Hùng Vương', 'Trần Hưng Đạo', '30 Tháng 4'])}` : null,
      placement: p.placement,
      communeCode,
      otherProvinceCode: p.other ?? null,
      latitude: at?.[0] ?? null,
      longitude: at?.[1] ?? null,
      locationType: p.location,
      openedOn,
      status: i === 5 ? 'suspended' : 'active',
      checklist,
      phone: `0277 ${rnd.int(100, 999)} ${rnd.int(100, 999)}`,
    };
  });
  const carried = pointRows.flatMap((point) =>
    rnd
      .shuffle(products.filter((p) => p.firstIssued <= point.openedOn || rnd.chance(0.5)))
      .slice(0, rnd.int(6, 18))
      .map((p) => {
        const consent = rnd.weighted([
          ['given', 8],
          ['pending', 1],
          ['refused', 1],
        ] as const);
        const since = p.firstIssued > point.openedOn ? p.firstIssued : point.openedOn;
        return { salesPointId: point.id, productId: p.id, consent, consentOn: consent === 'pending' ? null : since > today ? today : since };
      }),
  );

  // ——— Chains and e-commerce: a share of the certified products, as a province reports them.
  const chainRows = products.flatMap((p) =>
    rnd.chance(0.25)
      ? rnd
          .shuffle(CHAINS)
          .slice(0, rnd.int(1, 2))
          .map(([chain, channel]) => ({
            id: randomUUID(),
            productId: p.id,
            chain,
            chainKey: chainKey(chain),
            channel,
            stores: rnd.int(1, 40),
            since: p.firstIssued > today ? today : p.firstIssued,
            active: rnd.chance(0.9),
          }))
      : [],
  );
  const onlineRows = products.flatMap((p) => {
    if (!rnd.chance(0.4)) return [];
    const platforms = new Set<EcommercePlatform>();
    for (let n = rnd.int(1, 3); n > 0; n--) platforms.add(rnd.weighted(PLATFORMS));
    return [...platforms].map((platform) => {
      const id = rnd.int(10_000_000, 99_999_999);
      const raw: Record<EcommercePlatform, string> = {
        shopee: `https://shopee.vn/${slug(p.name)}-i.${id}.${rnd.int(1000, 9999)}`,
        lazada: `https://www.lazada.vn/products/${slug(p.name)}-i${id}.html`,
        tiki: `https://tiki.vn/${slug(p.name)}-p${id}.html`,
        postmart: `https://postmart.vn/san-pham/${slug(p.name)}-${id}`,
        voso: `https://voso.vn/${slug(p.name)}-${id}`,
        tiktok_shop: `https://shop.tiktok.com/view/product/${id}${rnd.int(1000, 9999)}`,
        province_floor: `https://ocop.dongthap.example/san-pham/${slug(p.name)}-${id}`,
        own_website: `https://${slug(p.name).slice(0, 20)}.example/`,
        other: `https://cho.example/${id}`,
      };
      const normalised = normaliseListingUrl(raw[platform]);
      return {
        id: randomUUID(),
        productId: p.id,
        platform,
        url: normalised.ok ? normalised.url : raw[platform],
        status: rnd.weighted([
          ['approved', 9],
          ['proposed', 1],
        ] as const),
        active: rnd.chance(0.92),
        lastCheckedOn: today,
      };
    });
  });

  // ——— Each year's fairs and weeks, in the province, in Hồ Chí Minh City and in Hà Nội.
  const eventPlans: {
    kind: TradeEventKind;
    name: string;
    month: number;
    days: number;
    placement: 'in_province' | 'other_province';
    other?: string;
    place: string;
  }[] = [
    { kind: 'fair', name: 'Hội chợ Thương mại – Nông nghiệp tỉnh', month: 4, days: 5, placement: 'in_province', place: 'Quảng trường Trung tâm tỉnh' },
    {
      kind: 'culture_tourism_week',
      name: 'Tuần lễ Văn hóa – Du lịch Sen Đồng Tháp',
      month: 6,
      days: 7,
      placement: 'in_province',
      place: 'Khu du lịch Đồng Sen',
    },
    {
      kind: 'fair',
      name: 'Hội chợ Sản phẩm OCOP các tỉnh Đồng bằng sông Cửu Long',
      month: 9,
      days: 5,
      placement: 'other_province',
      other: '79',
      place: 'Nhà văn hóa Thanh niên, TP. Hồ Chí Minh',
    },
    {
      kind: 'supply_demand',
      name: 'Hội nghị kết nối cung cầu hàng hóa',
      month: 8,
      days: 2,
      placement: 'other_province',
      other: '01',
      place: 'Trung tâm Hội chợ Triển lãm Giảng Võ, Hà Nội',
    },
  ];
  const eventRows: (Parameters<typeof repo.insertEvents>[1][number] & { id: string })[] = [];
  const participantRows: Parameters<typeof repo.insertParticipants>[1] = [];
  const eventProductRows: Parameters<typeof repo.insertEventProducts>[1] = [];
  for (const year of YEARS)
    for (const [i, e] of eventPlans.entries()) {
      const startsOn = iso(year, e.month, 5 + i * 3);
      if (startsOn > today) continue;
      const id = randomUUID();
      const endDay = new Date(`${startsOn}T00:00:00Z`);
      endDay.setUTCDate(endDay.getUTCDate() + e.days - 1);
      const endsOn = endDay.toISOString().slice(0, 10);
      const held = endsOn < today;
      const taking = rnd.shuffle(subjectIds).slice(0, rnd.int(5, 14));
      let revenue = 0;
      for (const subjectId of taking) {
        const own = bySubject.get(subjectId)!;
        const r = held ? rnd.int(5, 120) * 1_000_000 : null;
        revenue += r ?? 0;
        participantRows.push({ eventId: id, subjectId, booths: 1, revenueVnd: r });
        for (const p of own.slice(0, 3)) eventProductRows.push({ eventId: id, productId: p.id });
      }
      eventRows.push({
        id,
        provinceCode: DEMO_PROVINCE,
        externalCode: `HC-${year}-${i + 1}`,
        name: `${e.name} năm ${year}`,
        nameSearch: foldVietnamese(`${e.name} năm ${year}`),
        kind: e.kind,
        startsOn,
        endsOn,
        placement: e.placement,
        place: e.place,
        communeCode: e.placement === 'in_province' ? rnd.pick(productCommunes) : null,
        otherProvinceCode: e.other ?? null,
        organiser: e.placement === 'in_province' ? 'Sở Công Thương' : 'Trung tâm Xúc tiến Thương mại tỉnh',
        booths: taking.length + rnd.int(20, 200),
        visitors: held ? rnd.int(8, 60) * 1000 : null,
        revenueVnd: held ? revenue + rnd.int(100, 900) * 1_000_000 : null,
        contracts: held ? rnd.int(0, 12) : null,
      });
    }

  // ——— Support: each year's policies, with grants to producers within their budget.
  const policyPlans: [SupportArea, string, string, number][] = [
    ['industry_extension', 'Hỗ trợ khuyến công địa phương', 'Nghị quyết của HĐND tỉnh về chính sách khuyến công', 1_500_000_000],
    ['trade_promotion', 'Hỗ trợ xúc tiến thương mại sản phẩm OCOP', 'Chương trình xúc tiến thương mại tỉnh', 900_000_000],
    ['trademark', 'Hỗ trợ xây dựng, đăng ký nhãn hiệu', 'Kế hoạch phát triển tài sản trí tuệ tỉnh', 400_000_000],
    ['packaging', 'Hỗ trợ thiết kế bao bì, nhãn mác', 'Kế hoạch thực hiện Chương trình OCOP tỉnh', 600_000_000],
  ];
  const policyRows: (Parameters<typeof repo.insertPolicies>[1][number] & { id: string })[] = [];
  const grantRows: Parameters<typeof repo.insertGrants>[1] = [];
  for (const year of YEARS)
    for (const [i, [area, name, basis, budget]] of policyPlans.entries()) {
      const id = randomUUID();
      policyRows.push({
        id,
        provinceCode: DEMO_PROVINCE,
        externalCode: `CS-${year}-${i + 1}`,
        name: `${name} năm ${year}`,
        area,
        legalBasis: basis,
        year,
        budgetVnd: budget,
      });
      let left = budget;
      for (const [n, subjectId] of rnd.shuffle(subjectIds).slice(0, rnd.int(3, 8)).entries()) {
        const amount = Math.min(left, rnd.int(20, 150) * 1_000_000);
        const grantedOn = iso(year, 3 + rnd.int(0, 8), 1 + rnd.int(0, 27));
        if (!amount || grantedOn > today) continue;
        left -= amount;
        const product = rnd.pick(bySubject.get(subjectId)!);
        grantRows.push({
          id: randomUUID(),
          policyId: id,
          externalCode: `HT-${year}-${i + 1}-${n + 1}`,
          subjectId,
          productId: product.id,
          content: `${name} cho sản phẩm ${product.name}`,
          amountVnd: amount,
          fundingSource: rnd.pick(['province', 'central', 'socialised'] as const),
          grantedOn,
          status: year < 2026 || rnd.chance(0.6) ? 'disbursed' : 'approved',
        });
      }
    }

  // ——— Communication and training of each year.
  const communicationPlans: [CommunicationKind, string, string, () => number][] = [
    ['tv', 'Chuyên mục "Sản phẩm OCOP Đồng Tháp"', 'Đài Phát thanh và Truyền hình tỉnh', () => rnd.int(12, 24)],
    ['radio', 'Phóng sự phát thanh về Chương trình OCOP', 'Đài Phát thanh và Truyền hình tỉnh', () => rnd.int(6, 18)],
    ['article', 'Tin, bài về sản phẩm OCOP trên Báo Đồng Tháp', 'Báo Đồng Tháp', () => rnd.int(20, 45)],
    ['portal_section', 'Chuyên mục OCOP trên Cổng thông tin điện tử tỉnh', 'Cổng thông tin điện tử tỉnh', () => 1],
    ['handbook', 'Sổ tay hướng dẫn thực hiện Chương trình OCOP', 'Văn phòng Điều phối nông thôn mới tỉnh', () => rnd.int(10, 30) * 100],
    ['panel', 'Pa-nô tuyên truyền Chương trình OCOP', 'Ủy ban nhân dân các xã, phường', () => rnd.int(10, 40)],
  ];
  const communicationRows = YEARS.flatMap((year) =>
    communicationPlans
      .map(([kind, title, channel, quantity], i) => ({
        id: randomUUID(),
        provinceCode: DEMO_PROVINCE,
        externalCode: `TT-${year}-${i + 1}`,
        kind,
        title: `${title} năm ${year}`,
        channel,
        publishedOn: iso(year, 2 + i, 15),
        quantity: quantity(),
      }))
      .filter((r) => r.publishedOn <= today),
  );
  const topics = [
    'Quy trình đánh giá, phân hạng sản phẩm OCOP',
    'Xây dựng câu chuyện sản phẩm',
    'Thương mại điện tử cho chủ thể OCOP',
    'Quản trị hợp tác xã và sản xuất theo chuỗi',
    'Thiết kế bao bì, nhãn hàng hóa',
    'An toàn thực phẩm và truy xuất nguồn gốc',
  ];
  const courseRows: Parameters<typeof repo.insertCourses>[1] = [];
  const attendeeRows: Parameters<typeof repo.insertAttendees>[1] = [];
  for (const year of YEARS)
    for (let i = 0, courses = rnd.int(3, 6); i < courses; i++) {
      const startsOn = iso(year, 2 + i * 2, 10);
      if (startsOn > today) continue;
      const id = randomUUID();
      const attendees = rnd.shuffle(subjectIds).slice(0, rnd.int(8, 20));
      const people = attendees.map(() => rnd.int(1, 3));
      const communeCode = rnd.chance(0.5) ? rnd.pick(productCommunes) : null;
      courseRows.push({
        id,
        provinceCode: DEMO_PROVINCE,
        externalCode: `TH-${year}-${i + 1}`,
        topic: topics[(i + year) % topics.length]!,
        startsOn,
        endsOn: iso(year, 2 + i * 2, 11),
        place: communeCode ? `Hội trường Ủy ban nhân dân ${communeName.get(communeCode)}` : 'Hội trường Sở Nông nghiệp và Môi trường',
        communeCode,
        organiser: 'Văn phòng Điều phối nông thôn mới tỉnh',
        trainers: 'Chuyên gia Trung tâm Tư vấn OCOP',
        participants: people.reduce((a, b) => a + b, 0) + rnd.int(5, 25),
      });
      attendees.forEach((subjectId, n) => attendeeRows.push({ courseId: id, subjectId, people: people[n]! }));
    }

  // ——— Ideas and business plans: each year's ideas by commune; the accepted ones become plans, and
  // some plans are the products later certified.
  const ideaRows: Parameters<typeof repo.insertIdeas>[1] = [];
  const planRows: Parameters<typeof repo.insertPlans>[1] = [];
  const laterCertified = [...products].sort((a, b) => a.firstIssued.localeCompare(b.firstIssued));
  for (const year of YEARS)
    for (let i = 0, ideas = rnd.int(10, 18); i < ideas; i++) {
      const receivedOn = iso(year, 1 + rnd.int(0, 2), 1 + rnd.int(0, 27));
      if (receivedOn > today) continue;
      const product = laterCertified.find((p) => p.firstIssued.slice(0, 4) === String(year + 1) && !planRows.some((r) => r.productId === p.id));
      const status = product
        ? 'accepted'
        : rnd.weighted([
            ['accepted', 5],
            ['returned', 2],
            ['rejected', 1],
            ['received', 1],
          ] as const);
      const subjectId = product?.subjectId ?? (rnd.chance(0.6) ? rnd.pick(subjectIds) : null);
      const communeCode = subjectId ? communeOf.get(subjectId)! : rnd.pick(productCommunes);
      const title =
        product?.name ??
        rnd.pick(['Mứt sen', 'Trà mãng cầu', 'Khô cá lóc', 'Bột sen', 'Xoài sấy dẻo', 'Hủ tiếu khô', 'Nem chua', 'Chả cá thác lác', 'Mật ong hoa tràm']);
      const id = randomUUID();
      const screenedOn = status === 'received' ? null : iso(year, 4, 1 + rnd.int(0, 25));
      ideaRows.push({
        id,
        provinceCode: DEMO_PROVINCE,
        communeCode,
        externalCode: `YT-${year}-${String(i + 1).padStart(2, '0')}`,
        subjectId,
        proposerName: subjectId ? null : `Hộ ${rnd.pick(['Nguyễn Văn', 'Trần Thị', 'Lê Văn', 'Phạm Thị'])} ${rnd.pick(['Tâm', 'Hạnh', 'Phúc', 'Lộc', 'Hoa'])}`,
        title,
        titleSearch: foldVietnamese(title),
        receivedOn,
        status,
        screenedOn,
        screeningNote:
          status === 'returned'
            ? 'Bổ sung thông tin nguồn nguyên liệu và thị trường dự kiến.'
            : status === 'rejected'
              ? 'Sản phẩm chưa có nguyên liệu ổn định tại địa phương.'
              : null,
      });
      if (status === 'accepted' && (product || rnd.chance(0.6)))
        planRows.push({
          id: randomUUID(),
          ideaId: id,
          externalCode: `PA-${year}-${String(i + 1).padStart(2, '0')}`,
          kind: rnd.chance(0.8) ? 'plan' : 'project',
          title: `Phương án sản xuất kinh doanh ${title}`,
          submittedOn: iso(year, 5, 10),
          approvedOn: iso(year, 6, 1),
          status: product ? 'completed' : rnd.pick(['approved', 'implementing', 'drafting'] as const),
          investmentVnd: rnd.int(50, 900) * 1_000_000,
          productId: product?.id ?? null,
        });
    }

  await db.transaction(async (tx) => {
    await repo.insertSalesPoints(tx, pointRows);
    await repo.insertCarried(tx, carried);
    await repo.insertChains(tx, chainRows);
    await repo.insertOnline(tx, onlineRows);
    await repo.insertEvents(tx, eventRows);
    await repo.insertParticipants(tx, participantRows);
    await repo.insertEventProducts(tx, eventProductRows);
    await repo.insertPolicies(tx, policyRows);
    await repo.insertGrants(tx, grantRows);
    await repo.insertCommunication(tx, communicationRows);
    await repo.insertCourses(tx, courseRows);
    await repo.insertAttendees(tx, attendeeRows);
    await repo.insertIdeas(tx, ideaRows);
    await repo.insertPlans(tx, planRows);
    for (const row of pointRows) audit('sales_point', row);
    for (const row of eventRows) audit('trade_event', row);
    for (const row of policyRows) audit('support_policy', row);
    for (const row of grantRows as { id: string }[]) audit('support_grant', row);
    for (const row of courseRows as { id: string }[]) audit('training_course', row);
    for (const row of ideaRows as { id: string }[]) audit('product_idea', row);
    await recordAudits(tx, SYSTEM_ACTOR, audits);
  });
  return {
    salesPoints: pointRows.length,
    listings: chainRows.length + onlineRows.length,
    events: eventRows.length,
    grants: grantRows.length,
    courses: courseRows.length,
    ideas: ideaRows.length,
  };
}
