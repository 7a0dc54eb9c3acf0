/**
 * Names of the synthetic population: Kazakh, Russian and other peoples of Kazakhstan, in Cyrillic as in the civil
 * registers, with male and female surname forms, patronymics and the passport's Latin transliteration (ICAO 9303).
 */
import type { Random } from './model.ts';
import type { Sex } from '@negiz/schema';

export type Ethnicity = 'KAZAKH' | 'RUSSIAN' | 'UKRAINIAN' | 'GERMAN' | 'KOREAN' | 'TATAR' | 'UZBEK' | 'KYRGYZ' | 'CHINESE' | 'TURKISH';

interface NamePool {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  nationality: readonly [male: string, female: string];
  /** False where names carry no patronymic (Chinese, Turkish). */
  patronymic: boolean;
}

const KAZAKH_MALE = [
  'Айдар',
  'Асхат',
  'Бауыржан',
  'Ерлан',
  'Нурлан',
  'Данияр',
  'Ержан',
  'Серик',
  'Марат',
  'Арман',
  'Талгат',
  'Кайрат',
  'Жандос',
  'Азамат',
  'Алибек',
  'Ануар',
  'Бекзат',
  'Дамир',
  'Ерболат',
  'Жанибек',
  'Ильяс',
  'Канат',
  'Мурат',
  'Нуржан',
  'Олжас',
  'Руслан',
  'Санжар',
  'Тимур',
  'Улан',
  'Габит',
  'Медет',
  'Абылай',
  'Алмас',
  'Айбек',
  'Диас',
  'Ернар',
  'Самат',
  'Еркебулан',
  'Рустем',
  'Болат',
  'Максат',
  'Нурбол',
  'Темирлан',
  'Дархан',
  'Бахыт',
  'Жасулан',
];
const KAZAKH_FEMALE = [
  'Айгерим',
  'Айжан',
  'Асель',
  'Гульнара',
  'Динара',
  'Жанар',
  'Жансая',
  'Камила',
  'Мадина',
  'Меруерт',
  'Назерке',
  'Салтанат',
  'Сауле',
  'Толкын',
  'Улжан',
  'Аружан',
  'Алия',
  'Айнур',
  'Бибигуль',
  'Гаухар',
  'Дана',
  'Жулдыз',
  'Индира',
  'Карлыгаш',
  'Ляззат',
  'Майра',
  'Нургуль',
  'Раушан',
  'Самал',
  'Шынар',
  'Айсулу',
  'Дильназ',
  'Томирис',
  'Акбота',
  'Балжан',
  'Гульмира',
  'Зарина',
  'Эльмира',
  'Асем',
  'Карина',
  'Молдир',
];
const KAZAKH_SURNAMES = [
  'Ахметов',
  'Абенов',
  'Байжанов',
  'Жумабаев',
  'Искаков',
  'Кенжебаев',
  'Мукашев',
  'Нурпеисов',
  'Оспанов',
  'Сагинтаев',
  'Тулегенов',
  'Утепов',
  'Есенов',
  'Калиев',
  'Бекмуханов',
  'Жакупов',
  'Касымов',
  'Сулейменов',
  'Смагулов',
  'Омаров',
  'Мамыров',
  'Ибраев',
  'Абдрахманов',
  'Кусаинов',
  'Бейсенов',
  'Жунусов',
  'Ермеков',
  'Садыков',
  'Шарипов',
  'Амангельдиев',
  'Байтурсынов',
  'Куанышев',
  'Рахимжанов',
  'Серикбаев',
  'Тасмагамбетов',
  'Уалиханов',
  'Досмухамедов',
  'Ескендиров',
  'Жаксыбеков',
  'Муканов',
  'Нуржанов',
  'Токтаров',
  'Шалабаев',
  'Ыбыраев',
];
const RUSSIAN_MALE = [
  'Александр',
  'Алексей',
  'Андрей',
  'Антон',
  'Артём',
  'Борис',
  'Вадим',
  'Валерий',
  'Виктор',
  'Владимир',
  'Вячеслав',
  'Геннадий',
  'Денис',
  'Дмитрий',
  'Евгений',
  'Иван',
  'Игорь',
  'Константин',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Роман',
  'Сергей',
  'Станислав',
  'Юрий',
  'Ярослав',
  'Илья',
  'Кирилл',
  'Григорий',
  'Анатолий',
];
const RUSSIAN_FEMALE = [
  'Анна',
  'Ольга',
  'Елена',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Екатерина',
  'Мария',
  'Юлия',
  'Марина',
  'Людмила',
  'Галина',
  'Оксана',
  'Виктория',
  'Анастасия',
  'Дарья',
  'Ксения',
  'Валентина',
  'Надежда',
  'Вера',
  'Любовь',
  'Алина',
  'Полина',
  'Софья',
  'Лариса',
];
const RUSSIAN_SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Белов',
  'Тарасов',
  'Белоусов',
];

const POOLS: Record<Ethnicity, NamePool> = {
  KAZAKH: { male: KAZAKH_MALE, female: KAZAKH_FEMALE, surnames: KAZAKH_SURNAMES, nationality: ['казах', 'казашка'], patronymic: true },
  RUSSIAN: { male: RUSSIAN_MALE, female: RUSSIAN_FEMALE, surnames: RUSSIAN_SURNAMES, nationality: ['русский', 'русская'], patronymic: true },
  UKRAINIAN: {
    male: RUSSIAN_MALE,
    female: RUSSIAN_FEMALE,
    surnames: ['Шевченко', 'Кравченко', 'Ткаченко', 'Бондаренко', 'Коваленко', 'Ковальчук', 'Мельник', 'Полищук', 'Бойко', 'Савченко'],
    nationality: ['украинец', 'украинка'],
    patronymic: true,
  },
  GERMAN: {
    male: [...RUSSIAN_MALE.slice(0, 12), 'Фридрих', 'Генрих', 'Эдуард'],
    female: [...RUSSIAN_FEMALE.slice(0, 12), 'Эмма', 'Ирма'],
    surnames: ['Шмидт', 'Миллер', 'Вебер', 'Майер', 'Шнайдер', 'Фишер', 'Вагнер', 'Беккер', 'Гофман', 'Циммерман'],
    nationality: ['немец', 'немка'],
    patronymic: true,
  },
  KOREAN: {
    male: RUSSIAN_MALE,
    female: RUSSIAN_FEMALE,
    surnames: ['Ким', 'Пак', 'Ли', 'Цой', 'Тен', 'Хван', 'Югай', 'Шин', 'Хан', 'Нам'],
    nationality: ['кореец', 'кореянка'],
    patronymic: true,
  },
  TATAR: {
    male: ['Рустам', 'Ринат', 'Ильдар', 'Марат', 'Рафаэль', 'Тагир', 'Фарид', 'Альберт'],
    female: ['Гульнара', 'Лилия', 'Альфия', 'Эльвира', 'Резеда', 'Диляра'],
    surnames: ['Галиев', 'Хабибуллин', 'Сафин', 'Зарипов', 'Гарипов', 'Нуриев', 'Валиев', 'Ахмадуллин'],
    nationality: ['татарин', 'татарка'],
    patronymic: true,
  },
  UZBEK: {
    male: ['Алишер', 'Бахтиёр', 'Шерзод', 'Фаррух', 'Дилшод', 'Улугбек', 'Жахонгир', 'Рустам'],
    female: ['Дилноза', 'Гулнора', 'Малика', 'Нигора', 'Шахноза', 'Феруза'],
    surnames: ['Каримов', 'Рахимов', 'Юсупов', 'Усмонов', 'Алиев', 'Турсунов', 'Исмоилов', 'Хакимов'],
    nationality: ['узбек', 'узбечка'],
    patronymic: true,
  },
  KYRGYZ: {
    male: ['Азамат', 'Бакыт', 'Нурбек', 'Эрмек', 'Алмазбек', 'Таалай', 'Жыргалбек'],
    female: ['Айпери', 'Бермет', 'Гулзат', 'Жылдыз', 'Нургуль', 'Айзада'],
    surnames: ['Осмонов', 'Токтогулов', 'Абдыкадыров', 'Сыдыков', 'Мамбетов', 'Эсенов', 'Бакиров'],
    nationality: ['кыргыз', 'кыргызка'],
    patronymic: true,
  },
  CHINESE: {
    male: ['Вэй', 'Лэй', 'Цзюнь', 'Тао', 'Мин', 'Хао', 'Юн'],
    female: ['На', 'Фан', 'Цзин', 'Ли', 'Янь', 'Сюэ'],
    surnames: ['Ван', 'Ли', 'Чжан', 'Лю', 'Чэнь', 'Ян', 'Хуан', 'Чжоу'],
    nationality: ['китаец', 'китаянка'],
    patronymic: false,
  },
  TURKISH: {
    male: ['Мехмет', 'Мустафа', 'Ахмет', 'Али', 'Хасан', 'Эмре', 'Бурак'],
    female: ['Айше', 'Фатма', 'Элиф', 'Зейнеп', 'Мерве', 'Эмине'],
    surnames: ['Йылмаз', 'Кая', 'Демир', 'Челик', 'Шахин', 'Йылдыз', 'Озтюрк'],
    nationality: ['турок', 'турчанка'],
    patronymic: false,
  },
};

/** Shares of the citizens' ethnic groups, roughly as in the 2021 census. */
export const CITIZEN_ETHNICITIES: ReadonlyArray<readonly [Ethnicity, number]> = [
  ['KAZAKH', 70],
  ['RUSSIAN', 15],
  ['UKRAINIAN', 2],
  ['GERMAN', 1.5],
  ['KOREAN', 1],
  ['TATAR', 1],
  ['UZBEK', 3],
];

/** Foreign residents: citizenship (ISO alpha-3), their usual ethnic group and country name. */
export const FOREIGN_CITIZENSHIPS: ReadonlyArray<readonly [citizenship: string, ethnicity: Ethnicity, country: string, capital: string, weight: number]> = [
  ['RUS', 'RUSSIAN', 'Россия', 'Москва', 35],
  ['UZB', 'UZBEK', 'Узбекистан', 'Ташкент', 25],
  ['KGZ', 'KYRGYZ', 'Кыргызстан', 'Бишкек', 15],
  ['CHN', 'CHINESE', 'Китай', 'Урумчи', 12],
  ['TUR', 'TURKISH', 'Турция', 'Анкара', 8],
  ['UKR', 'UKRAINIAN', 'Украина', 'Харьков', 5],
];

export function hasPatronymic(ethnicity: Ethnicity): boolean {
  return POOLS[ethnicity].patronymic;
}

export function firstName(random: Random, ethnicity: Ethnicity, sex: Sex): string {
  const pool = POOLS[ethnicity];
  return random.pick(sex === 'MALE' ? pool.male : pool.female);
}

/** A surname in its male form. */
export function surname(random: Random, ethnicity: Ethnicity): string {
  return random.pick(POOLS[ethnicity].surnames);
}

/** The female form of a surname: -ов/-ев/-ёв/-ин take -а; invariable surnames (-енко, -ук, Ким) stay. */
export function surnameFor(maleForm: string, sex: Sex): string {
  if (sex === 'MALE') return maleForm;
  return /(ов|ев|ёв|ин)$/.test(maleForm) ? `${maleForm}а` : maleForm;
}

export function nationality(ethnicity: Ethnicity, sex: Sex): string {
  return POOLS[ethnicity].nationality[sex === 'MALE' ? 0 : 1];
}

const IRREGULAR_PATRONYMICS: Record<string, readonly [string, string]> = {
  Павел: ['Павлович', 'Павловна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Илья: ['Ильич', 'Ильинична'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Григорий: ['Григорьевич', 'Григорьевна'],
};

/** The Russian-style patronymic formed from the father's first name (Айдар -> Айдарович / Айдаровна). */
export function patronymic(fatherName: string, sex: Sex, kazakhForm = false): string {
  if (kazakhForm) return `${fatherName}${sex === 'MALE' ? 'улы' : 'кызы'}`;
  const irregular = IRREGULAR_PATRONYMICS[fatherName];
  if (irregular) return irregular[sex === 'MALE' ? 0 : 1];
  const [m, f] = fatherName.endsWith('ий')
    ? [`${fatherName.slice(0, -2)}ьевич`, `${fatherName.slice(0, -2)}ьевна`]
    : /[йь]$/.test(fatherName)
      ? [`${fatherName.slice(0, -1)}евич`, `${fatherName.slice(0, -1)}евна`]
      : /[аяыо]$/.test(fatherName)
        ? [`${fatherName}евич`, `${fatherName}евна`]
        : [`${fatherName}ович`, `${fatherName}овна`];
  return sex === 'MALE' ? m : f;
}

const LATIN: Record<string, string> = {
  а: 'A',
  ә: 'A',
  б: 'B',
  в: 'V',
  г: 'G',
  ғ: 'G',
  д: 'D',
  е: 'E',
  ё: 'E',
  ж: 'ZH',
  з: 'Z',
  и: 'I',
  й: 'I',
  к: 'K',
  қ: 'K',
  л: 'L',
  м: 'M',
  н: 'N',
  ң: 'N',
  о: 'O',
  ө: 'O',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  у: 'U',
  ұ: 'U',
  ү: 'U',
  ф: 'F',
  х: 'KH',
  һ: 'H',
  ц: 'TS',
  ч: 'CH',
  ш: 'SH',
  щ: 'SHCH',
  ъ: 'IE',
  ы: 'Y',
  і: 'I',
  ь: '',
  э: 'E',
  ю: 'IU',
  я: 'IA',
};

/** ICAO 9303 transliteration, upper case as printed in the passport. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += LATIN[ch] ?? ch.toUpperCase();
  return out;
}
