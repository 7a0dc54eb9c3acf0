/**
 * The console's words in Kazakh, Russian and English: its own labels, the register's codes it can show (refusals
 * journaled on requests, withheld fields, the Reports API's and the login's refusals) and the journal's flags.
 * Keyed by code, so the page translates what the API answers; the API's own messages stay English.
 */
import type { Code, Stage } from '@negiz/schema';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
type Text = Record<Language, string>;

/**
 * The stages whose codes reach the console: on journaled requests, in withheld fields, or as the API's refusals.
 * Every code of these stages in the register has its words below (checked by the console's messages test).
 */
export const CONSOLE_STAGES: readonly Stage[] = ['authenticate', 'basis', 'policy', 'field', 'reports', 'journal', 'accounts'];

export const CODE_TEXT: Partial<Record<Code, Text>> = {
  RATE_LIMITED: { kk: 'Сұраныстар немесе тұлғалар тым көп', ru: 'Слишком много запросов или лиц', en: 'Too many requests or subjects' },
  TOO_MANY_SUBJECTS: { kk: 'Бір сұраныста тұлғалар тым көп', ru: 'Слишком много лиц в одном запросе', en: 'Too many subjects in one request' },
  CLIENT_NOT_REGISTERED: { kk: 'Клиент тіркелмеген', ru: 'Клиент не зарегистрирован', en: 'Client not registered' },
  UNAUTHENTICATED: { kk: 'Кіру қажет', ru: 'Требуется вход', en: 'Login required' },
  MFA_REQUIRED: { kk: 'Көпфакторлы кіру қажет', ru: 'Требуется многофакторный вход', en: 'Multi-factor login required' },
  ACCOUNT_BLOCKED: { kk: 'Тіркелгі бұғатталған', ru: 'Учётная запись заблокирована', en: 'Account blocked' },
  ACCOUNT_SUSPENDED: { kk: 'Тіркелгі тоқтатылған', ru: 'Учётная запись приостановлена', en: 'Account suspended' },
  ACCOUNT_CLOSED: { kk: 'Тіркелгі жабылған', ru: 'Учётная запись закрыта', en: 'Account closed' },
  ACCOUNT_PENDING_ROLE: { kk: 'Рөл бекітуді күтуде', ru: 'Роль ожидает утверждения', en: 'Role awaiting approval' },
  AGREEMENT_REQUIRED: { kk: 'Пайдаланушы келісімі қабылданбаған', ru: 'Не принято пользовательское соглашение', en: 'User agreement not accepted' },
  BASIS_REQUIRED: { kk: 'Құқықтық негіз көрсетілмеген', ru: 'Не указано правовое основание', en: 'Legal basis missing' },
  BASIS_INVALID: { kk: 'Құқықтық негіз дұрыс емес', ru: 'Правовое основание некорректно', en: 'Legal basis malformed' },
  FORBIDDEN_BASIS_FOR_ROLE: { kk: 'Бұл рөлге бұл негіз рұқсат етілмеген', ru: 'Основание не разрешено для роли', en: 'Basis not allowed for the role' },
  BASIS_NOT_YOURS: { kk: 'Іс сіздің іс жүргізуіңізде емес', ru: 'Дело не в вашем производстве', en: 'Case not in your hands' },
  CASE_CLOSED: { kk: 'Іс жабылған', ru: 'Дело закрыто', en: 'Case closed' },
  BASIS_UNVERIFIABLE: { kk: 'Негізді тексеру мүмкін емес', ru: 'Основание невозможно проверить', en: 'Basis cannot be verified' },
  JUSTIFICATION_REQUIRED: { kk: 'Кездейсоқ негіздеме тексерісі', ru: 'Выборочная проверка обоснования', en: 'Random justification check' },
  FORBIDDEN_OPERATION: { kk: 'Операция қызмет көрсетілмейді', ru: 'Операция не обслуживается', en: 'Operation not served' },
  BAD_REQUEST: { kk: 'Сұраныс дұрыс емес', ru: 'Некорректный запрос', en: 'Malformed request' },
  INVALID_IIN: { kk: 'ЖСН дұрыс емес', ru: 'Некорректный ИИН', en: 'Invalid IIN' },
  INVALID_BIN: { kk: 'БСН дұрыс емес', ru: 'Некорректный БИН', en: 'Invalid BIN' },
  FORBIDDEN_SERVICE_FOR_BASIS: { kk: 'Бұл негізде қызмет жабық', ru: 'Сервис закрыт для этого основания', en: 'Service closed on this basis' },
  FORBIDDEN_ARTICLE_FOR_SERVICE: { kk: 'Тек белгіленген баптар бойынша', ru: 'Только по установленным статьям', en: 'Only under the configured articles' },
  REDACTED: { kk: 'Қысқартылған түрде жасырылған', ru: 'Скрыто в сокращённой форме', en: 'Withheld in truncated form' },
  JOURNAL_UNAVAILABLE: { kk: 'Журнал қолжетімсіз', ru: 'Журнал недоступен', en: 'Journal unavailable' },
  INTERNAL: { kk: 'Ішкі қате', ru: 'Внутренняя ошибка', en: 'Internal error' },
  REPORTS_GRANT_REQUIRED: { kk: 'REPORTS рұқсаты қажет', ru: 'Требуется допуск REPORTS', en: 'REPORTS grant required' },
  INTERNAL_SECURITY_GRANT_REQUIRED: { kk: 'INTERNAL_SECURITY рұқсаты қажет', ru: 'Требуется допуск INTERNAL_SECURITY', en: 'INTERNAL_SECURITY grant required' },
  GRANT_NOT_REGISTERED: { kk: 'Рұқсат оператормен тіркелмеген', ru: 'Допуск не зарегистрирован оператором', en: 'Grant not registered by the operator' },
  OTHER_ORGANISATION: { kk: 'Басқа ұйымның сұраныстары', ru: 'Запросы другой организации', en: "Another organisation's requests" },
  CITIZEN_PORTAL_ONLY: { kk: 'Тек электрондық үкімет порталы үшін', ru: 'Только для портала электронного правительства', en: 'E-government portal only' },
  ACCOUNT_NOT_FOUND: { kk: 'Тіркелгі табылмады', ru: 'Учётная запись не найдена', en: 'No such account' },
  ACCOUNT_EXISTS: { kk: 'Тіркелгі бар', ru: 'Учётная запись уже есть', en: 'Account already exists' },
  ACCOUNT_CHANGE_INVALID: { kk: 'Тіркелгі өзгерісі дұрыс емес', ru: 'Недопустимое изменение учётной записи', en: 'Invalid account change' },
  REASON_REQUIRED: { kk: 'Себебі көрсетілуі керек', ru: 'Требуется указать причину', en: 'A reason is required' },
  OPERATOR_REQUIRED: { kk: 'OPERATOR рұқсаты қажет', ru: 'Требуется допуск OPERATOR', en: 'OPERATOR grant required' },
  ROLE_NOT_PENDING: { kk: 'Бекітуді күтетін рөл жоқ', ru: 'Нет роли, ожидающей утверждения', en: 'No role awaits approval' },
  ROLE_APPROVAL_EXPIRED: { kk: 'Рөлді бекіту мерзімі өтті', ru: 'Срок утверждения роли истёк', en: 'Role approval expired' },
  AGREEMENT_SIGNATURE_INVALID: { kk: 'Келісім қолтаңбасы жарамсыз', ru: 'Подпись соглашения недействительна', en: 'Agreement signature invalid' },
  AGREEMENT_VERSION_OUTDATED: { kk: 'Келісімнің ескі нұсқасы', ru: 'Устаревшая версия соглашения', en: 'Outdated agreement version' },
  HR_EVENT_UNSIGNED: { kk: 'Кадр оқиғасы қол қойылмаған', ru: 'Кадровое событие не подписано', en: 'HR event unsigned' },
  HR_EVENT_SIGNATURE_INVALID: { kk: 'Кадр оқиғасының қолтаңбасы жарамсыз', ru: 'Подпись кадрового события недействительна', en: 'HR event signature invalid' },
  HR_SYSTEM_UNKNOWN: { kk: 'Кадр жүйесі тіркелмеген', ru: 'Кадровая система не зарегистрирована', en: 'HR system not registered' },
  HR_EVENT_MALFORMED: { kk: 'Кадр оқиғасы дұрыс емес', ru: 'Кадровое событие некорректно', en: 'HR event malformed' },
  HR_EVENT_CONFLICT: { kk: 'Кадр оқиғасы қайшы келеді', ru: 'Конфликт кадрового события', en: 'HR event conflict' },
  BAD_PERIOD: { kk: 'Кезең дұрыс емес (366 күнге дейін)', ru: 'Неверный период (до 366 дней)', en: 'Invalid period (up to 366 days)' },
};

export const FLAG_TEXT: Record<string, Text> = {
  SUBJECT_NOT_IN_CASE: { kk: 'Тұлға іске қатысы жоқ', ru: 'Лицо не фигурирует в деле', en: 'Subject not in the case' },
  SELF_LOOKUP: { kk: 'Өзі туралы сұраныс', ru: 'Запрос о себе', en: 'Looked up themselves' },
  RELATIVE_LOOKUP: { kk: 'Туысы туралы сұраныс', ru: 'Запрос о родственнике', en: 'Looked up a relative' },
  SAME_SURNAME: { kk: 'Тегі бірдей', ru: 'Совпадает фамилия', en: 'Same surname' },
  CLUSTER_ON_SUBJECT: { kk: 'Бір тұлғаға көп пайдаланушы', ru: 'Много пользователей по одному лицу', en: 'Many users on one subject' },
  MANY_SUBJECTS_PER_DAY: { kk: 'Бір күнде көп тұлға', ru: 'Много лиц за день', en: 'Many subjects in a day' },
  OUTSIDE_WORKING_HOURS: { kk: 'Жұмыс уақытынан тыс', ru: 'Вне рабочего времени', en: 'Outside working hours' },
  REFUSED_THEN_RETRIED: { kk: 'Бас тартудан кейін қайталау', ru: 'Повтор после отказа', en: 'Refused, then retried' },
  LATE_HR_NOTICE: { kk: 'Кадр хабарламасы кешіккен', ru: 'Кадровое уведомление с опозданием', en: 'Late HR notice' },
};

export const OUTCOME_TEXT: Record<string, Text> = {
  RELEASED: { kk: 'Берілді', ru: 'Выдано', en: 'Released' },
  PARTIAL: { kk: 'Ішінара', ru: 'Частично', en: 'Partial' },
  REFUSED: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Refused' },
  FAILED: { kk: 'Сәтсіз', ru: 'Сбой', en: 'Failed' },
};

export const UI = {
  title: { kk: 'Бақылау консолі', ru: 'Консоль надзора', en: 'Supervision console' },
  language: { kk: 'Тіл', ru: 'Язык', en: 'Language' },
  login: { kk: 'Кіру', ru: 'Вход', en: 'Log in' },
  loginAs: { kk: 'Демо пайдаланушы ретінде кіру', ru: 'Войти как демо-пользователь', en: 'Log in as a demo user' },
  token: { kk: 'Сәйкестендіру провайдерінің токені', ru: 'Токен провайдера идентификации', en: "Identity provider's token" },
  logout: { kk: 'Шығу', ru: 'Выйти', en: 'Log out' },
  supervisor: { kk: 'Басшы', ru: 'Руководитель', en: 'Supervisor' },
  security: { kk: 'Ішкі қауіпсіздік', ru: 'Собственная безопасность', en: 'Internal security' },
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  refusedTitle: { kk: 'Қолжетімділік жоқ', ru: 'Доступ запрещён', en: 'Access refused' },
  from: { kk: 'Бастап', ru: 'С', en: 'From' },
  to: { kk: 'Дейін', ru: 'По', en: 'To' },
  user: { kk: 'Пайдаланушы', ru: 'Пользователь', en: 'User' },
  basisType: { kk: 'Негіз түрі', ru: 'Тип основания', en: 'Basis type' },
  outcome: { kk: 'Нәтиже', ru: 'Результат', en: 'Outcome' },
  flag: { kk: 'Белгі', ru: 'Отметка', en: 'Flag' },
  any: { kk: 'Барлығы', ru: 'Все', en: 'Any' },
  apply: { kk: 'Көрсету', ru: 'Показать', en: 'Show' },
  perDay: { kk: 'Күн бойынша сұраныстар', ru: 'Запросы по дням', en: 'Requests per day' },
  perUser: { kk: 'Пайдаланушы бойынша сұраныстар', ru: 'Запросы по пользователям', en: 'Requests per user' },
  refusals: { kk: 'Код бойынша бас тартулар', ru: 'Отказы по кодам', en: 'Refusals by code' },
  requests: { kk: 'Сұраныстар (белгіленгендері алдымен)', ru: 'Запросы (отмеченные сначала)', en: 'Requests (flagged first)' },
  count: { kk: 'Саны', ru: 'Количество', en: 'Count' },
  time: { kk: 'Уақыты', ru: 'Время', en: 'Time' },
  basis: { kk: 'Негіз', ru: 'Основание', en: 'Basis' },
  flags: { kk: 'Белгілер', ru: 'Отметки', en: 'Flags' },
  open: { kk: 'Ашу', ru: 'Открыть', en: 'Open' },
  close: { kk: 'Жабу', ru: 'Закрыть', en: 'Close' },
  services: { kk: 'Шақырылған қызметтер', ru: 'Вызванные сервисы', en: 'Services called' },
  withheld: { kk: 'Жасырылған өрістер', ru: 'Скрытые поля', en: 'Withheld fields' },
  rule: { kk: 'Ереже', ru: 'Правило', en: 'Rule' },
  receipt: { kk: 'Журнал түбіртегі', ru: 'Квитанция журнала', en: 'Journal receipt' },
  proofVerified: { kk: 'Енгізу дәлелі тексерілді', ru: 'Доказательство включения проверено', en: 'Inclusion proof verified' },
  proofFailed: { kk: 'Енгізу дәлелі расталмады', ru: 'Доказательство включения не подтверждено', en: 'Inclusion proof does not verify' },
  checking: { kk: 'Тексерілуде…', ru: 'Проверяется…', en: 'Checking…' },
  reviewed: { kk: 'Қаралды', ru: 'Проверено', en: 'Reviewed' },
  markReviewed: { kk: 'Қаралды деп белгілеу', ru: 'Отметить как проверенное', en: 'Mark reviewed' },
  comment: { kk: 'Түсініктеме', ru: 'Комментарий', en: 'Comment' },
  exportCsv: { kk: 'CSV жүктеу', ru: 'Выгрузить CSV', en: 'Export CSV' },
  exportPdf: { kk: 'PDF басып шығару', ru: 'Печать в PDF', en: 'Print to PDF' },
  subjectIin: { kk: 'Тұлғаның ЖСН', ru: 'ИИН лица', en: "Subject's IIN" },
  search: { kk: 'Іздеу', ru: 'Найти', en: 'Search' },
  whoLooked: { kk: 'Бұл тұлғаны кім қарады', ru: 'Кто просматривал это лицо', en: 'Who looked at this person' },
  organisation: { kk: 'Ұйым', ru: 'Организация', en: 'Organisation' },
  downloadJson: { kk: 'Үзінді мен дәлелдерді JSON жүктеу', ru: 'Скачать выписку с доказательствами (JSON)', en: 'Download extract with proofs (JSON)' },
  none: { kk: 'Жазба жоқ', ru: 'Записей нет', en: 'No entries' },
  destroyed: { kk: '(жойылған)', ru: '(уничтожено)', en: '(destroyed)' },
  readJournaled: { kk: 'Бұл көрініс журналға жазылды', ru: 'Этот просмотр записан в журнал', en: 'This view was journaled' },
  loading: { kk: 'Жүктелуде…', ru: 'Загрузка…', en: 'Loading…' },
  accounts: { kk: 'Тіркелгілер', ru: 'Учётные записи', en: 'Accounts' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  role: { kk: 'Рөл', ru: 'Роль', en: 'Role' },
  grants: { kk: 'Рұқсаттар', ru: 'Допуски', en: 'Grants' },
  manage: { kk: 'Басқару', ru: 'Управлять', en: 'Manage' },
  action: { kk: 'Әрекет', ru: 'Действие', en: 'Action' },
  block: { kk: 'Бұғаттау', ru: 'Заблокировать', en: 'Block' },
  unblock: { kk: 'Бұғаттан шығару', ru: 'Разблокировать', en: 'Unblock' },
  approveRole: { kk: 'Жаңа рөлді бекіту', ru: 'Утвердить новую роль', en: 'Approve the new role' },
  grant: { kk: 'Рұқсат беру', ru: 'Выдать допуск', en: 'Give a grant' },
  revoke: { kk: 'Рұқсатты қайтарып алу', ru: 'Отозвать допуск', en: 'Revoke a grant' },
  grantKind: { kk: 'Рұқсат түрі', ru: 'Вид допуска', en: 'Grant' },
  document: { kk: 'Құжат (хаттың нөмірі)', ru: 'Документ (номер письма)', en: 'Document (letter reference)' },
  reason: { kk: 'Себебі (журналға жазылады)', ru: 'Причина (записывается в журнал)', en: 'Reason (journaled)' },
  submit: { kk: 'Орындау', ru: 'Выполнить', en: 'Apply' },
  done: { kk: 'Орындалды, журналға жазылды', ru: 'Выполнено и записано в журнал', en: 'Done and journaled' },
  // GraphiQL's panels (gateway/graphiql): the basis and what was withheld.
  case: { kk: 'Іс', ru: 'Дело', en: 'Case' },
  instruction: { kk: 'Тапсырма', ru: 'Поручение', en: 'Instruction' },
  pickType: { kk: '— іс түрі —', ru: '— тип дела —', en: '— case type —' },
  pickNumber: { kk: '— іс нөмірі —', ru: '— номер дела —', en: '— case number —' },
  noInstruction: { kk: '— жоқ —', ru: '— нет —', en: '— none —' },
  closedCase: { kk: '(жабық)', ru: '(закрыто)', en: '(closed)' },
  basisCarried: { kk: 'Сұраныстар негізбен жіберіледі:', ru: 'Запросы идут с основанием:', en: 'Requests carry' },
  basisMissing: {
    kk: 'Істі таңдаңыз: әр сұранысқа негіз қажет',
    ru: 'Выберите дело: каждому запросу нужно основание',
    en: 'Pick a case: every request needs a basis',
  },
  withheldRefused: { kk: 'Жасырылған және бас тартылған', ru: 'Скрыто и отказано', en: 'Withheld and refused' },
  runQuery: {
    kk: 'Сұранысты орындаңыз: шлюз жасырған өрістер және себебі осында көрсетіледі',
    ru: 'Выполните запрос: здесь будут скрытые шлюзом поля и причины',
    en: 'Run a query: fields the gateway withholds, and why, are listed here.',
  },
  nothingWithheld: { kk: 'Соңғы жауапта ештеңе жасырылмаған', ru: 'В последнем ответе ничего не скрыто', en: 'Nothing withheld in the last response.' },
  serviceLabel: { kk: 'Қызмет', ru: 'Сервис', en: 'Service' },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

export function uiText(language: Language, key: UiKey): string {
  return UI[key][language];
}

/** A code's words in the language; unknown codes (a newer gateway) show as themselves. */
export function codeText(language: Language, code: string): string {
  return CODE_TEXT[code as Code]?.[language] ?? FLAG_TEXT[code]?.[language] ?? OUTCOME_TEXT[code]?.[language] ?? code;
}
