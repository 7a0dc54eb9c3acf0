import type { Address, World } from '@negiz/mocks/model.ts';

/**
 * The first two digits of the State Revenue office codes of the larger cities, by the world's (Russian) city
 * names; other cities get a stable code of their own.
 */
const CITY_PREFIX: Record<string, string> = {
  Алматы: '60',
  Астана: '62',
  Шымкент: '59',
  Караганда: '30',
  Актобе: '06',
  Атырау: '15',
  Павлодар: '45',
  'Усть-Каменогорск': '18',
  Семей: '18',
  Костанай: '39',
  Тараз: '21',
  Кызылорда: '33',
  Актау: '43',
  Петропавловск: '48',
  Уральск: '27',
  Туркестан: '58',
  Кокшетау: '03',
  Талдыкорган: '09',
  Конаев: '09',
  Жезказган: '70',
};

/**
 * The State Revenue office a taxpayer at this address is registered with: the tax-authority services (35-40, 51)
 * name the same office for the same taxpayer because it depends on the address only.
 */
export function taxOfficeOf(world: World, address: Address): { code: string; name: string } {
  const r = world.rng('tax-office', address.city);
  const prefix = CITY_PREFIX[address.city] ?? String(r.int(10, 58));
  return { code: `${prefix}${String(r.int(1, 9)).padStart(2, '0')}`, name: `State Revenue Department for ${address.city}` };
}
