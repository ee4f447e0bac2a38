/**
 * What the demo province makes: families of products typical of Đồng Tháp (with the former Tiền
 * Giang since the 2025 merger), the communes each is known for, and the words producers' names are
 * made of. Kinds of products and places are real; every producer, brand and person is invented.
 */

/** The drawing of a product's demo photo (see demo-photos.ts). */
export type Motif = 'lotus' | 'mango' | 'citrus' | 'fish' | 'rice' | 'honey' | 'tea' | 'cake' | 'flower' | 'bottle' | 'fruit' | 'craft' | 'landscape' | 'jar';

export type Kind = {
  name: string;
  /** Criteria set under Decision 26/2026/QĐ-TTg (Phụ lục I). */
  set: number;
  motif: Motif;
  netContent?: string;
  packaging?: string;
  ingredients?: string;
  /** The name already says where it is from ("Quýt hồng Lai Vung"): a brand is not added to it. */
  placeInName?: boolean;
};

export type DemoLegalForm = 'HTX' | 'THT' | 'CTCP' | 'TNHH' | 'DNTN' | 'CSSX' | 'HKD';

export type Family = {
  key: string;
  weight: number;
  /** Communes of province 82 (Decision 19/2025/QĐ-TTg codes) known for these products. */
  communes: string[];
  /** Word after "Hợp tác xã" / "Tổ hợp tác", and after "Cơ sở" for a household workshop. */
  cooperativeWord: string;
  workshopWord: string;
  kinds: Kind[];
};

const g = (n: number) => `${n} g`;

export const FAMILIES: Family[] = [
  {
    key: 'sen',
    weight: 12,
    communes: ['30037', '30046', '30055', '30001', '30010', '30025', '30073', '30061', '30043'],
    cooperativeWord: 'Sen',
    workshopWord: 'Sen',
    kinds: [
      { name: 'Hạt sen sấy', set: 7, motif: 'lotus', netContent: g(250), packaging: 'Túi zip', ingredients: 'Hạt sen tươi' },
      { name: 'Trà tim sen', set: 12, motif: 'tea', netContent: g(100), packaging: 'Hộp giấy', ingredients: 'Tim sen sấy khô' },
      { name: 'Trà lá sen', set: 12, motif: 'tea', netContent: g(150), packaging: 'Hộp giấy', ingredients: 'Lá sen non sao khô' },
      { name: 'Mứt hạt sen', set: 7, motif: 'lotus', netContent: g(300), packaging: 'Hộp nhựa', ingredients: 'Hạt sen, đường' },
      { name: 'Củ sen ngâm chua ngọt', set: 7, motif: 'jar', netContent: g(500), packaging: 'Hũ thủy tinh', ingredients: 'Ngó sen, giấm, đường' },
      { name: 'Bột ngó sen', set: 7, motif: 'lotus', netContent: g(300), packaging: 'Hộp giấy', ingredients: 'Ngó sen tươi' },
      { name: 'Hạt sen tươi', set: 1, motif: 'lotus', netContent: g(500), packaging: 'Khay màng co' },
      { name: 'Rượu sen', set: 14, motif: 'bottle', netContent: '500 ml', packaging: 'Chai thủy tinh', ingredients: 'Gạo nếp, hạt sen' },
      { name: 'Bánh pía nhân hạt sen', set: 6, motif: 'cake', netContent: g(400), packaging: 'Hộp giấy', ingredients: 'Bột mì, hạt sen, trứng muối' },
    ],
  },
  {
    key: 'xoai',
    weight: 10,
    communes: ['29869', '30076', '30112', '29884', '29888', '30085', '30088', '30118'],
    cooperativeWord: 'Xoài',
    workshopWord: 'Xoài sấy',
    kinds: [
      { name: 'Xoài cát Hòa Lộc', set: 1, motif: 'mango', netContent: '1 kg', packaging: 'Hộp carton', placeInName: true },
      { name: 'Xoài cát Chu', set: 1, motif: 'mango', netContent: '1 kg', packaging: 'Hộp carton' },
      { name: 'Xoài sấy dẻo', set: 7, motif: 'mango', netContent: g(200), packaging: 'Túi zip', ingredients: 'Xoài cát chín, đường' },
      { name: 'Xoài sấy giòn', set: 7, motif: 'mango', netContent: g(100), packaging: 'Túi zip', ingredients: 'Xoài cát' },
      { name: 'Mứt xoài', set: 7, motif: 'jar', netContent: g(300), packaging: 'Hũ nhựa', ingredients: 'Xoài, đường' },
      { name: 'Nước ép xoài', set: 17, motif: 'bottle', netContent: '330 ml', packaging: 'Chai thủy tinh', ingredients: 'Xoài chín' },
    ],
  },
  {
    key: 'lai-vung',
    weight: 8,
    communes: ['30226', '30235', '30214', '30208', '30253'],
    cooperativeWord: 'Nông nghiệp',
    workshopWord: 'Nem',
    kinds: [
      { name: 'Quýt hồng Lai Vung', set: 1, motif: 'citrus', netContent: '1 kg', packaging: 'Hộp carton', placeInName: true },
      { name: 'Nem Lai Vung', set: 8, motif: 'cake', netContent: g(500), packaging: 'Lá chuối, túi hút chân không', placeInName: true },
      { name: 'Nem chua lá ổi', set: 8, motif: 'cake', netContent: g(300), packaging: 'Túi hút chân không', ingredients: 'Thịt heo, bì, lá ổi' },
      { name: 'Nước cốt quýt hồng', set: 17, motif: 'bottle', netContent: '500 ml', packaging: 'Chai thủy tinh', ingredients: 'Quýt hồng' },
      { name: 'Mứt quýt hồng', set: 7, motif: 'citrus', netContent: g(250), packaging: 'Hũ thủy tinh', ingredients: 'Vỏ và tép quýt hồng, đường' },
    ],
  },
  {
    key: 'sa-dec',
    weight: 8,
    communes: ['29905', '30259', '30244', '30253', '30184'],
    cooperativeWord: 'Hoa kiểng',
    workshopWord: 'Hủ tiếu',
    kinds: [
      { name: 'Hủ tiếu Sa Đéc', set: 6, motif: 'rice', netContent: g(500), packaging: 'Túi PE', ingredients: 'Gạo', placeInName: true },
      { name: 'Bột gạo tinh khiết', set: 6, motif: 'rice', netContent: g(400), packaging: 'Túi PE', ingredients: 'Gạo' },
      { name: 'Bánh phồng tôm', set: 8, motif: 'cake', netContent: g(200), packaging: 'Hộp giấy', ingredients: 'Tôm, bột sắn, trứng' },
      { name: 'Hoa hồng Sa Đéc', set: 23, motif: 'flower', packaging: 'Chậu nhựa', placeInName: true },
      { name: 'Cúc mâm xôi', set: 23, motif: 'flower', packaging: 'Chậu nhựa' },
      { name: 'Kiểng bonsai mai chiếu thủy', set: 24, motif: 'flower', packaging: 'Chậu sứ' },
      { name: 'Bánh tráng phơi sương', set: 6, motif: 'rice', netContent: g(300), packaging: 'Túi PE', ingredients: 'Gạo, muối' },
    ],
  },
  {
    key: 'ca',
    weight: 12,
    communes: ['30010', '30001', '29955', '29971', '29978', '29983', '30028', '30034', '30019', '30130', '30154'],
    cooperativeWord: 'Thủy sản',
    workshopWord: 'Khô cá',
    kinds: [
      { name: 'Khô cá lóc', set: 8, motif: 'fish', netContent: g(500), packaging: 'Túi hút chân không', ingredients: 'Cá lóc đồng, muối' },
      { name: 'Khô cá sặc rằn', set: 8, motif: 'fish', netContent: g(500), packaging: 'Túi hút chân không', ingredients: 'Cá sặc rằn, muối' },
      { name: 'Mắm cá linh', set: 9, motif: 'jar', netContent: g(500), packaging: 'Hũ nhựa', ingredients: 'Cá linh, muối, thính' },
      { name: 'Cá linh kho mía', set: 8, motif: 'fish', netContent: g(300), packaging: 'Hũ thủy tinh', ingredients: 'Cá linh, mía, nước mắm' },
      { name: 'Chả cá thác lác', set: 8, motif: 'fish', netContent: g(500), packaging: 'Khay hút chân không', ingredients: 'Cá thác lác' },
      { name: 'Khô cá tra phồng', set: 8, motif: 'fish', netContent: g(500), packaging: 'Túi hút chân không', ingredients: 'Cá tra, muối' },
      { name: 'Nước mắm cá linh', set: 9, motif: 'bottle', netContent: '500 ml', packaging: 'Chai thủy tinh', ingredients: 'Cá linh, muối' },
    ],
  },
  {
    key: 'gao',
    weight: 8,
    communes: ['30037', '30130', '29926', '29938', '29929', '29944', '30163', '30157', '29954'],
    cooperativeWord: 'Nông nghiệp',
    workshopWord: 'Xay xát',
    kinds: [
      { name: 'Gạo thơm', set: 3, motif: 'rice', netContent: '5 kg', packaging: 'Túi PA hút chân không' },
      { name: 'Gạo hữu cơ', set: 3, motif: 'rice', netContent: '2 kg', packaging: 'Túi PA hút chân không' },
      { name: 'Gạo lứt huyết rồng', set: 3, motif: 'rice', netContent: '1 kg', packaging: 'Túi PA hút chân không' },
      { name: 'Bánh tráng gạo lứt', set: 6, motif: 'rice', netContent: g(200), packaging: 'Túi PE', ingredients: 'Gạo lứt, mè' },
      { name: 'Cốm gạo', set: 6, motif: 'cake', netContent: g(250), packaging: 'Hộp giấy', ingredients: 'Gạo nếp, đường' },
      { name: 'Bún gạo khô', set: 6, motif: 'rice', netContent: g(500), packaging: 'Túi PE', ingredients: 'Gạo' },
    ],
  },
  {
    key: 'duoc-lieu',
    weight: 8,
    communes: ['30037', '30010', '30130', '29869', '30043', '30046', '30025', '30169'],
    cooperativeWord: 'Dược liệu',
    workshopWord: 'Mật ong',
    kinds: [
      { name: 'Mật ong hoa tràm', set: 4, motif: 'honey', netContent: '500 ml', packaging: 'Chai thủy tinh' },
      { name: 'Mật ong hoa xuyến chi', set: 4, motif: 'honey', netContent: '350 ml', packaging: 'Chai thủy tinh' },
      { name: 'Tinh dầu tràm', set: 20, motif: 'bottle', netContent: '50 ml', packaging: 'Chai thủy tinh', ingredients: 'Lá tràm' },
      { name: 'Trà khổ qua rừng', set: 12, motif: 'tea', netContent: g(100), packaging: 'Hộp giấy', ingredients: 'Khổ qua rừng sấy' },
      { name: 'Trà mãng cầu', set: 12, motif: 'tea', netContent: g(150), packaging: 'Hộp giấy', ingredients: 'Mãng cầu xiêm sấy lát' },
      { name: 'Xà bông sả chanh', set: 19, motif: 'craft', netContent: g(100), packaging: 'Hộp giấy', ingredients: 'Dầu dừa, tinh dầu sả chanh' },
      { name: 'Dầu gội bồ kết', set: 19, motif: 'bottle', netContent: '300 ml', packaging: 'Chai nhựa', ingredients: 'Bồ kết, hương nhu, bưởi' },
      { name: 'Bột nghệ nguyên chất', set: 10, motif: 'jar', netContent: g(200), packaging: 'Hũ thủy tinh', ingredients: 'Nghệ vàng' },
    ],
  },
  {
    key: 'trai-cay',
    weight: 12,
    communes: ['28360', '28366', '28378', '28393', '28439', '28456', '28444', '28516', '28504', '28501', '28471', '28468', '28576', '28582', '28564', '28537'],
    cooperativeWord: 'Trái cây',
    workshopWord: 'Trái cây sấy',
    kinds: [
      { name: 'Sầu riêng Ri6', set: 1, motif: 'fruit', netContent: '2 kg', packaging: 'Thùng carton' },
      { name: 'Sầu riêng Monthong', set: 1, motif: 'fruit', netContent: '2 kg', packaging: 'Thùng carton' },
      { name: 'Bưởi da xanh', set: 1, motif: 'citrus', netContent: '1,5 kg', packaging: 'Lưới, tem truy xuất' },
      { name: 'Vú sữa Lò Rèn Vĩnh Kim', set: 1, motif: 'fruit', netContent: '1 kg', packaging: 'Hộp carton', placeInName: true },
      { name: 'Mít sấy giòn', set: 7, motif: 'fruit', netContent: g(200), packaging: 'Túi zip', ingredients: 'Mít Thái' },
      { name: 'Nhãn xuồng cơm vàng', set: 1, motif: 'fruit', netContent: '1 kg', packaging: 'Hộp carton' },
      { name: 'Sầu riêng sấy thăng hoa', set: 7, motif: 'fruit', netContent: g(100), packaging: 'Túi zip', ingredients: 'Sầu riêng Ri6' },
      { name: 'Chôm chôm nhãn', set: 1, motif: 'fruit', netContent: '1 kg', packaging: 'Hộp carton' },
    ],
  },
  {
    key: 'bien',
    weight: 10,
    communes: [
      '28594',
      '28603',
      '28615',
      '28627',
      '28633',
      '28648',
      '28321',
      '28327',
      '28345',
      '28336',
      '28306',
      '28315',
      '28297',
      '28747',
      '28738',
      '28702',
      '28720',
      '28723',
      '28729',
      '28651',
      '28660',
    ],
    cooperativeWord: 'Nông nghiệp',
    workshopWord: 'Mắm',
    kinds: [
      { name: 'Thanh long ruột đỏ Chợ Gạo', set: 1, motif: 'fruit', netContent: '1 kg', packaging: 'Hộp carton', placeInName: true },
      { name: 'Khóm Tân Phước', set: 1, motif: 'fruit', netContent: '1 trái', packaging: 'Tem truy xuất', placeInName: true },
      { name: 'Khóm sấy dẻo', set: 7, motif: 'fruit', netContent: g(200), packaging: 'Túi zip', ingredients: 'Khóm Queen' },
      { name: 'Mắm tôm chà Gò Công', set: 9, motif: 'jar', netContent: g(250), packaging: 'Hũ thủy tinh', ingredients: 'Tôm đất, muối', placeInName: true },
      { name: 'Tôm khô', set: 8, motif: 'fish', netContent: g(200), packaging: 'Hũ nhựa', ingredients: 'Tôm đất' },
      { name: 'Bánh giá', set: 5, motif: 'cake', netContent: g(300), packaging: 'Hộp giấy', ingredients: 'Bột gạo, giá, tôm' },
      { name: 'Nước mắm cá cơm', set: 9, motif: 'bottle', netContent: '500 ml', packaging: 'Chai thủy tinh', ingredients: 'Cá cơm, muối' },
      { name: 'Khô cá dứa một nắng', set: 8, motif: 'fish', netContent: g(500), packaging: 'Túi hút chân không', ingredients: 'Cá dứa, muối' },
    ],
  },
  {
    key: 'my-tho',
    weight: 4,
    communes: ['28261', '28249', '28285', '28273', '28270', '28519', '28525'],
    cooperativeWord: 'Dịch vụ nông nghiệp',
    workshopWord: 'Bánh',
    kinds: [
      { name: 'Hủ tiếu Mỹ Tho', set: 6, motif: 'rice', netContent: g(500), packaging: 'Túi PE', ingredients: 'Gạo', placeInName: true },
      { name: 'Bánh phồng sữa', set: 6, motif: 'cake', netContent: g(300), packaging: 'Túi PE', ingredients: 'Nếp, sữa, đường' },
      { name: 'Bánh tét lá cẩm', set: 5, motif: 'cake', netContent: '1 kg', packaging: 'Lá chuối', ingredients: 'Nếp, lá cẩm, đậu xanh, thịt' },
      { name: 'Kẹo dừa sữa', set: 7, motif: 'cake', netContent: g(400), packaging: 'Hộp giấy', ingredients: 'Dừa, đường, sữa' },
    ],
  },
  {
    key: 'thu-cong',
    weight: 4,
    communes: ['30169', '30178', '30184', '30130', '30154', '29983', '29992'],
    cooperativeWord: 'Thủ công mỹ nghệ',
    workshopWord: 'Đan lát',
    kinds: [
      { name: 'Chiếu lác', set: 21, motif: 'craft', packaging: 'Túi vải' },
      { name: 'Giỏ lục bình', set: 21, motif: 'craft', packaging: 'Túi giấy' },
      { name: 'Khăn choàng dệt thổ cẩm', set: 22, motif: 'craft', packaging: 'Hộp giấy' },
      { name: 'Nón lá', set: 21, motif: 'craft' },
    ],
  },
  {
    key: 'du-lich',
    weight: 4,
    communes: ['30037', '28270', '28360', '30226', '30043', '30001', '29905'],
    cooperativeWord: 'Du lịch',
    workshopWord: 'Du lịch',
    kinds: [
      { name: 'Điểm du lịch sinh thái đồng sen', set: 26, motif: 'landscape' },
      { name: 'Điểm du lịch vườn cây ăn trái', set: 26, motif: 'landscape' },
      { name: 'Điểm du lịch cộng đồng cồn Thới Sơn', set: 26, motif: 'landscape', placeInName: true },
      { name: 'Điểm du lịch làng nghề', set: 26, motif: 'landscape' },
    ],
  },
];

/** Legal forms as new producers came: many household workshops, cooperatives and small companies. */
export const LEGAL_FORM_WEIGHTS: [DemoLegalForm, number][] = [
  ['CSSX', 30],
  ['HKD', 18],
  ['TNHH', 20],
  ['HTX', 15],
  ['CTCP', 6],
  ['DNTN', 5],
  ['THT', 6],
];

export const COMPANY_WORDS = ['Thực phẩm', 'Nông sản', 'Sản xuất Thương mại', 'Thương mại Dịch vụ', 'Chế biến Nông sản', 'Đặc sản'];

export const BRANDS = [
  'Phú Hưng',
  'Thành Phát',
  'Hưng Thịnh',
  'Minh Phát',
  'Tân Thành',
  'Phước Lộc',
  'Kim Ngân',
  'Hoàng Gia',
  'An Phú',
  'Mekong Xanh',
  'Sen Vàng',
  'Vạn Phúc',
  'Quê Hương',
  'Trúc Anh',
  'Hồng Phát',
  'Nam Phong',
  'Gia Bảo',
  'Thiên Phúc',
  'Sông Tiền',
  'Đất Sen',
  'Phương Nam',
  'Cửu Long',
  'Bảo Ngọc',
  'Tân Lộc',
  'Đồng Xanh',
  'Lúa Vàng',
  'Thuận Phát',
  'Tâm An',
  'Phúc Khang',
  'Việt Hưng',
  'Tín Nghĩa',
  'Hưng Phát',
  'Nhật Minh',
  'Đại Phát',
  'An Khang',
  'Thanh Tâm',
  'Hồng Ân',
  'Phát Đạt',
  'Kim Phát',
  'Ngọc Lan',
  'Bảo Châu',
  'Quang Minh',
  'Đông Phương',
  'Vĩnh Phát',
  'Gia Phú',
  'Mỹ Lộc',
  'Hương Quê',
  'Ba Miền Sông Nước',
];

/** The South calls people by their birth order (the eldest is "Hai") and given name: "Tư Hùng", "Út Hạnh". */
export const BIRTH_ORDER = ['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Út'];

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Phan',
  'Lâm',
  'Châu',
  'Mai',
];
export const MALE_NAMES = [
  'Văn Hùng',
  'Văn Dũng',
  'Văn Phúc',
  'Minh Tài',
  'Văn Lợi',
  'Hoàng Thắng',
  'Văn Nghĩa',
  'Minh Tâm',
  'Thanh Hiếu',
  'Quốc Trung',
  'Văn Bình',
  'Minh Quang',
  'Thành Sơn',
  'Văn Phước',
  'Hữu Toàn',
  'Văn Khải',
];
export const FEMALE_NAMES = [
  'Thị Hạnh',
  'Thị Hoa',
  'Thị Lan',
  'Ngọc Mai',
  'Thị Hường',
  'Thị Thơ',
  'Kim Mến',
  'Thị Hiền',
  'Thanh Nga',
  'Ngọc Trinh',
  'Thị Thu',
  'Kim Phượng',
  'Thị Sương',
  'Thị Loan',
  'Ngọc Diễm',
  'Hồng Yến',
  'Thị Nhung',
  'Thanh Thảo',
];

/** Mobile prefixes of Vietnamese carriers. */
export const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '086', '088', '039', '037', '035', '077', '079', '083', '084', '085'];
