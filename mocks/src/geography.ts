/**
 * Kazakhstan's regions (with their vehicle-plate codes), cities with postcodes, street names and mobile operators'
 * prefixes: the reference data addresses, plates, cadastral numbers and phone numbers are drawn from.
 */
import type { Address, Random } from './model.ts';
import { weighted } from './random.ts';

export interface City {
  name: string;
  /** The first postcode of the city; addresses add a small district offset. */
  postcode: number;
  /** How many postal districts the city spans. */
  districts: number;
}

export interface Region {
  /** The two-digit code that ends a vehicle plate and starts a cadastral number. */
  code: string;
  name: string;
  nameKk: string;
  /** Population in thousands: the weight of the region in the synthetic population. */
  population: number;
  cities: readonly City[];
}

const city = (name: string, postcode: number, districts = 5): City => ({ name, postcode, districts });

export const REGIONS: readonly Region[] = [
  { code: '01', name: 'город Астана', nameKk: 'Астана қаласы', population: 1420, cities: [city('Астана', 10000, 20)] },
  { code: '02', name: 'город Алматы', nameKk: 'Алматы қаласы', population: 2230, cities: [city('Алматы', 50000, 60)] },
  {
    code: '03',
    name: 'Акмолинская область',
    nameKk: 'Ақмола облысы',
    population: 790,
    cities: [city('Кокшетау', 20000, 10), city('Степногорск', 21500), city('Щучинск', 21700)],
  },
  {
    code: '04',
    name: 'Актюбинская область',
    nameKk: 'Ақтөбе облысы',
    population: 930,
    cities: [city('Актобе', 30000, 20), city('Хромтау', 31100), city('Кандыагаш', 30700)],
  },
  {
    code: '05',
    name: 'Алматинская область',
    nameKk: 'Алматы облысы',
    population: 1520,
    cities: [city('Конаев', 40800), city('Талгар', 40700), city('Каскелен', 40900), city('Есик', 40400)],
  },
  { code: '06', name: 'Атырауская область', nameKk: 'Атырау облысы', population: 690, cities: [city('Атырау', 60000, 15), city('Кульсары', 60100)] },
  {
    code: '07',
    name: 'Западно-Казахстанская область',
    nameKk: 'Батыс Қазақстан облысы',
    population: 690,
    cities: [city('Уральск', 90000, 15), city('Аксай', 90300)],
  },
  {
    code: '08',
    name: 'Жамбылская область',
    nameKk: 'Жамбыл облысы',
    population: 1210,
    cities: [city('Тараз', 80000, 15), city('Шу', 80900), city('Каратау', 80500)],
  },
  {
    code: '09',
    name: 'Карагандинская область',
    nameKk: 'Қарағанды облысы',
    population: 1130,
    cities: [city('Караганда', 100000, 25), city('Темиртау', 101400), city('Балхаш', 100300), city('Шахтинск', 101600)],
  },
  {
    code: '10',
    name: 'Костанайская область',
    nameKk: 'Қостанай облысы',
    population: 830,
    cities: [city('Костанай', 110000, 15), city('Рудный', 111500), city('Лисаковск', 111200)],
  },
  { code: '11', name: 'Кызылординская область', nameKk: 'Қызылорда облысы', population: 830, cities: [city('Кызылорда', 120000, 15), city('Аральск', 120100)] },
  { code: '12', name: 'Мангистауская область', nameKk: 'Маңғыстау облысы', population: 780, cities: [city('Актау', 130000, 15), city('Жанаозен', 130200)] },
  {
    code: '13',
    name: 'Туркестанская область',
    nameKk: 'Түркістан облысы',
    population: 2110,
    cities: [city('Туркестан', 161200), city('Кентау', 160400), city('Сарыагаш', 160900), city('Жетысай', 160500)],
  },
  {
    code: '14',
    name: 'Павлодарская область',
    nameKk: 'Павлодар облысы',
    population: 750,
    cities: [city('Павлодар', 140000, 15), city('Экибастуз', 141200), city('Аксу', 140100)],
  },
  {
    code: '15',
    name: 'Северо-Казахстанская область',
    nameKk: 'Солтүстік Қазақстан облысы',
    population: 530,
    cities: [city('Петропавловск', 150000, 10), city('Булаево', 150500)],
  },
  {
    code: '16',
    name: 'Восточно-Казахстанская область',
    nameKk: 'Шығыс Қазақстан облысы',
    population: 730,
    cities: [city('Усть-Каменогорск', 70000, 15), city('Риддер', 71300), city('Алтай', 70800)],
  },
  { code: '17', name: 'город Шымкент', nameKk: 'Шымкент қаласы', population: 1230, cities: [city('Шымкент', 160000, 25)] },
  {
    code: '18',
    name: 'Абайская область',
    nameKk: 'Абай облысы',
    population: 610,
    cities: [city('Семей', 71400, 15), city('Курчатов', 71100), city('Аягоз', 71200)],
  },
  {
    code: '19',
    name: 'Жетысуская область',
    nameKk: 'Жетісу облысы',
    population: 700,
    cities: [city('Талдыкорган', 40000, 10), city('Текели', 41700), city('Жаркент', 41300)],
  },
  { code: '20', name: 'Улытауская область', nameKk: 'Ұлытау облысы', population: 220, cities: [city('Жезказган', 100600), city('Сатпаев', 101300)] },
];

const REGION_WEIGHTS = REGIONS.map((r) => [r, r.population] as const);

export function regionByName(name: string): Region | undefined {
  return REGIONS.find((r) => r.name === name);
}

export const STREETS = [
  'проспект Абая',
  'улица Толе би',
  'улица Жамбыла',
  'улица Сатпаева',
  'улица Кабанбай батыра',
  'проспект Республики',
  'улица Гоголя',
  'улица Пушкина',
  'улица Ауэзова',
  'улица Жибек жолы',
  'улица Байтурсынова',
  'улица Желтоксан',
  'улица Момышулы',
  'улица Амангельды',
  'улица Бейбитшилик',
  'проспект Достык',
  'проспект Абылай хана',
  'улица Кунаева',
  'улица Ломоносова',
  'улица Чехова',
  'улица Маметовой',
  'улица Сейфуллина',
  'проспект Тауелсиздик',
  'улица Кенесары',
  'улица Богенбай батыра',
  'улица Шевченко',
  'улица Курмангазы',
  'улица Байзакова',
  'улица Жандосова',
  'улица Торайгырова',
  'улица Каирбекова',
  'улица Айтеке би',
  'улица Казыбек би',
  'улица Абылайхана',
  'улица Мира',
  'улица Ленина',
  'улица Гагарина',
  'улица Строителей',
  'улица Победы',
  'улица Сарыарка',
  'улица Иманова',
  'улица Есенберлина',
] as const;

/** Mobile prefixes of the operators (Kcell, Beeline, Tele2/Altel). */
export const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] as const;

export function pickRegion(random: Random): Region {
  return weighted(random, REGION_WEIGHTS);
}

/** An address in `region` (or a region drawn by population). */
export function drawAddress(random: Random, region: Region = pickRegion(random), withApartment = random.chance(0.7)): Address {
  const c = random.pick(region.cities);
  const microdistrict = random.chance(0.15);
  const street = microdistrict
    ? `микрорайон ${random.pick(['Самал', 'Аксай', 'Жетысу', 'Восток', 'Нурсат', 'Мамыр', 'Юго-Восток', 'Северный'])}-${random.int(1, 12)}`
    : random.pick(STREETS);
  const address: Address = {
    region: region.name,
    city: c.name,
    street,
    house: String(random.int(1, microdistrict ? 60 : 180)) + (random.chance(0.1) ? random.pick(['А', 'Б', 'В']) : ''),
    postcode: String(c.postcode + random.int(0, c.districts - 1) * (c.districts > 5 ? 1 : 10)).padStart(6, '0'),
  };
  if (withApartment) address.apartment = String(random.int(1, 240));
  return address;
}

/** +7 7xx xxx xx xx */
export function drawMobilePhone(random: Random): string {
  const d = random.digits(7);
  return `+7 ${random.pick(MOBILE_PREFIXES)} ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`;
}
