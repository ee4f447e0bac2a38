/**
 * The words generated national data is made of: legal forms and their names, kinds of OCOP products
 * with their criteria set under Decision 26/2026/QĐ-TTg (Phụ lục I), brands, people's names, places.
 * Kinds of products and places are real; every producer, brand and person is invented.
 */
import { BRANDS, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, MOBILE_PREFIXES } from '../demo-catalogue.js';

export { BRANDS, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, MOBILE_PREFIXES };

/** Every legal form a producer may have (src/domain/subjects LEGAL_FORM_CODES), with how often it comes. */
export const FORM_WEIGHTS = [
  ['HTX', 22],
  ['THT', 6],
  ['CTCP', 6],
  ['TNHH', 16],
  ['DNTN', 4],
  ['HKD', 18],
  ['CSSX', 22],
  ['TT', 3],
  ['HH', 2],
  ['KHAC', 1],
] as const;
/** The legal forms of the registry benchmarks (bench/registry.bench.ts and the others). */
export const FORMS = ['HTX', 'THT', 'CTCP', 'TNHH', 'DNTN', 'HKD', 'CSSX', 'TT'] as const;
export const FORM_NAMES: Record<string, string> = {
  HTX: 'Hợp tác xã',
  THT: 'Tổ hợp tác',
  CTCP: 'Công ty Cổ phần',
  TNHH: 'Công ty TNHH',
  DNTN: 'Doanh nghiệp tư nhân',
  HKD: 'Hộ kinh doanh',
  CSSX: 'Cơ sở',
  TT: 'Trang trại',
  HH: 'Hội',
  KHAC: 'Tổ sản xuất',
};

/** Kinds for the registry benchmarks' product names. */
export const KINDS = [
  'Hạt sen',
  'Trà',
  'Mật ong',
  'Gạo',
  'Nước mắm',
  'Bánh phồng tôm',
  'Xoài',
  'Bưởi',
  'Cà phê',
  'Tiêu',
  'Nem',
  'Khô cá',
  'Rượu',
  'Chè',
  'Nấm',
  'Mứt',
  'Kẹo dừa',
  'Chiếu',
  'Tinh dầu',
  'Yến sào',
];
export const QUALIFIERS = ['sấy', 'hữu cơ', 'đặc biệt', 'truyền thống', 'thượng hạng', 'nguyên chất', 'hảo hạng', 'xanh', 'đỏ', 'vàng'];
export const PLACES = [
  'Tháp Mười',
  'Sa Đéc',
  'Lai Vung',
  'Cao Lãnh',
  'Hồng Ngự',
  'Mỹ Tho',
  'Cái Bè',
  'Gò Công',
  'Bến Tre',
  'Đà Lạt',
  'Mộc Châu',
  'Phú Quốc',
  'Thái Nguyên',
  'Buôn Ma Thuột',
  'Hội An',
];

/** A kind of product: its name, criteria set, the word after "Hợp tác xã" in its maker's name, and its net content. */
export type NationalKind = { name: string; set: number; word: string; net?: string; weight: number };

/** Kinds of OCOP products across the 26 sets, weighted as the national catalogue leans (food first). */
export const NATIONAL_KINDS: NationalKind[] = [
  { name: 'Bưởi da xanh', set: 1, word: 'Trái cây', weight: 4 },
  { name: 'Cam sành', set: 1, word: 'Trái cây', weight: 3 },
  { name: 'Vải thiều', set: 1, word: 'Trái cây', weight: 3 },
  { name: 'Nhãn lồng', set: 1, word: 'Trái cây', weight: 2 },
  { name: 'Thịt bò khô', set: 8, word: 'Thực phẩm', net: '250 g', weight: 2 },
  { name: 'Trứng gà ta', set: 2, word: 'Chăn nuôi', weight: 2 },
  { name: 'Tôm sú tươi', set: 2, word: 'Thủy sản', weight: 2 },
  { name: 'Gạo ST25', set: 3, word: 'Lúa gạo', net: '5 kg', weight: 4 },
  { name: 'Gạo nếp cái hoa vàng', set: 3, word: 'Lúa gạo', net: '2 kg', weight: 2 },
  { name: 'Mật ong rừng', set: 4, word: 'Ong mật', net: '500 ml', weight: 4 },
  { name: 'Tinh bột nghệ', set: 4, word: 'Nông sản', net: '200 g', weight: 2 },
  { name: 'Bánh mì que', set: 5, word: 'Thực phẩm', weight: 1 },
  { name: 'Bánh tráng', set: 6, word: 'Bánh tráng', net: '500 g', weight: 3 },
  { name: 'Bún khô', set: 6, word: 'Bún', net: '500 g', weight: 2 },
  { name: 'Bánh phồng tôm', set: 6, word: 'Thực phẩm', net: '250 g', weight: 2 },
  { name: 'Miến dong', set: 6, word: 'Miến', net: '500 g', weight: 2 },
  { name: 'Mứt gừng', set: 7, word: 'Nông sản', net: '300 g', weight: 2 },
  { name: 'Hạt điều rang muối', set: 7, word: 'Điều', net: '500 g', weight: 3 },
  { name: 'Chuối sấy dẻo', set: 7, word: 'Nông sản', net: '250 g', weight: 2 },
  { name: 'Măng khô', set: 7, word: 'Lâm sản', net: '500 g', weight: 2 },
  { name: 'Chả cá', set: 8, word: 'Thủy sản', net: '500 g', weight: 2 },
  { name: 'Nem chua', set: 8, word: 'Thực phẩm', weight: 2 },
  { name: 'Lạp xưởng', set: 8, word: 'Thực phẩm', net: '500 g', weight: 2 },
  { name: 'Khô cá lóc', set: 8, word: 'Thủy sản', net: '500 g', weight: 2 },
  { name: 'Nước mắm cá cơm', set: 9, word: 'Nước mắm', net: '500 ml', weight: 4 },
  { name: 'Tương bần', set: 9, word: 'Thực phẩm', net: '500 ml', weight: 1 },
  { name: 'Muối tôm', set: 10, word: 'Thực phẩm', net: '200 g', weight: 2 },
  { name: 'Tiêu đen', set: 10, word: 'Hồ tiêu', net: '250 g', weight: 2 },
  { name: 'Tỏi cô đơn', set: 10, word: 'Nông sản', net: '500 g', weight: 1 },
  { name: 'Chè búp', set: 11, word: 'Chè', net: '200 g', weight: 4 },
  { name: 'Chè Shan tuyết', set: 11, word: 'Chè', net: '100 g', weight: 2 },
  { name: 'Trà hoa vàng', set: 12, word: 'Dược liệu', net: '100 g', weight: 2 },
  { name: 'Trà atiso', set: 12, word: 'Dược liệu', net: '200 g', weight: 2 },
  { name: 'Cà phê rang xay', set: 13, word: 'Cà phê', net: '500 g', weight: 4 },
  { name: 'Ca cao nguyên chất', set: 13, word: 'Ca cao', net: '250 g', weight: 1 },
  { name: 'Rượu nếp cái', set: 14, word: 'Rượu', net: '500 ml', weight: 3 },
  { name: 'Rượu ngô men lá', set: 14, word: 'Rượu', net: '500 ml', weight: 1 },
  { name: 'Rượu vang sim', set: 15, word: 'Rượu vang', net: '750 ml', weight: 1 },
  { name: 'Nước uống đóng chai', set: 16, word: 'Nước uống', net: '500 ml', weight: 1 },
  { name: 'Nước cốt chanh dây', set: 17, word: 'Đồ uống', net: '500 ml', weight: 1 },
  { name: 'Cao đinh lăng', set: 18, word: 'Dược liệu', net: '100 g', weight: 1 },
  { name: 'Xà phòng thảo mộc', set: 19, word: 'Thảo dược', weight: 1 },
  { name: 'Tinh dầu sả chanh', set: 20, word: 'Tinh dầu', net: '50 ml', weight: 2 },
  { name: 'Nón lá', set: 21, word: 'Thủ công', weight: 1 },
  { name: 'Giỏ mây tre đan', set: 21, word: 'Mây tre đan', weight: 2 },
  { name: 'Chiếu cói', set: 21, word: 'Thủ công', weight: 1 },
  { name: 'Thổ cẩm dệt tay', set: 22, word: 'Dệt thổ cẩm', weight: 1 },
  { name: 'Lan hồ điệp', set: 23, word: 'Hoa', weight: 1 },
  { name: 'Mai vàng bonsai', set: 24, word: 'Cây cảnh', weight: 1 },
  { name: 'Cá Koi', set: 25, word: 'Cá cảnh', weight: 1 },
  { name: 'Điểm du lịch cộng đồng', set: 26, word: 'Du lịch', weight: 1 },
];

export const COMPANY_WORDS = ['Thực phẩm', 'Nông sản', 'Sản xuất Thương mại', 'Thương mại Dịch vụ', 'Chế biến Nông sản', 'Đặc sản'];
/** A village's prefix: "thôn" in the North and Centre, "ấp" in the South (provinces coded 70 and above). */
export const villageWord = (provinceCode: string) => (Number(provinceCode) >= 70 ? 'Ấp' : 'Thôn');
