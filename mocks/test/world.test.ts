import { describe, expect, it } from 'vitest';
import { isValidBin, isValidIin, parseIin } from '@negiz/schema';
import { createContext } from '../src/context.ts';
import { iinAt } from '../src/person-index.ts';
import { createWorld } from '../src/world.ts';
import { vinCheckDigit } from '../src/vehicles.ts';

const world = createWorld();
const SAMPLE = Array.from({ length: 1500 }, (_, i) => i * 6 + (i % 6));

describe('createWorld', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const again = createWorld();
    const other = createWorld({ seed: 'another' });
    for (const i of [0, 1, 777, 9999]) {
      expect(again.personAt(i)).toEqual(world.personAt(i));
      expect(other.personAt(i).iin).not.toBe(world.personAt(i).iin);
    }
    expect(again.legalEntityAt(5)).toEqual(world.legalEntityAt(5));
    expect(other.legalEntityAt(5).bin).not.toBe(world.legalEntityAt(5).bin);
    expect(again.rng('s33', 'x').digits(12)).toBe(world.rng('s33', 'x').digits(12));
  });

  it('refuses sizes it cannot serve with a clear error', () => {
    expect(() => createWorld({ persons: 0 })).toThrow(/persons must be an integer/);
    expect(() => createWorld({ persons: 10_000_000 })).toThrow(/persons must be an integer from 1 to/);
    expect(() => world.personAt(10_000)).toThrow(/out of range/);
  });

  it('gives every person a valid IIN agreeing with their birth date and sex, and maps it back to the index', () => {
    const seen = new Set<string>();
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      expect(isValidIin(p.iin)).toBe(true);
      expect(parseIin(p.iin)).toMatchObject({ birthDate: p.birthDate, sex: p.sex });
      expect(world.personIndex(p.iin)).toBe(i);
      expect(world.person(p.iin)).toEqual(p);
      seen.add(p.iin);
    }
    expect(seen.size).toBe(SAMPLE.length);
  });

  it('serves a 1,000,000-person world without holding it, round-tripping sampled indices', () => {
    const big = createWorld({ persons: 1_000_000, legalEntities: 200_000 });
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 2000; k++) {
      const i = (k * 499_979) % 1_000_000;
      const iin = big.personAt(i).iin;
      expect(big.personIndex(iin)).toBe(i);
    }
    for (const i of [0, 199_999, 123_456]) expect(big.legalEntity(big.legalEntityAt(i).bin)?.bin).toBe(big.legalEntityAt(i).bin);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100_000_000);
    // The same index is the same person whatever the size of the world.
    expect(big.personAt(42).iin).toBe(world.personAt(42).iin);
  });

  it('answers undefined for valid identifiers nobody has, and for malformed ones', () => {
    expect(world.person('900101300017')).toBeUndefined();
    expect(world.person('not an iin')).toBeUndefined();
    expect(world.legalEntity('040740000200')).toBeUndefined();
    expect(world.vehicle('JTDBR32E720000000')).toBeUndefined();
    expect(world.vehicleByPlate('000AAA02')).toBeUndefined();
    expect(world.weapon('XX00000000')).toBeUndefined();
    expect(world.family('900101300017')).toEqual({ parents: [], children: [], siblings: [] });
  });

  it('looks realistic in aggregate: families, foreigners, deceased, phones', () => {
    let family = 0;
    let foreign = 0;
    let dead = 0;
    let phones = 0;
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      const f = world.family(p.iin);
      if (f.spouse || f.parents.length || f.children.length) family++;
      if (p.citizenship !== 'KAZ') {
        foreign++;
        expect(p.document.type).toBe('RESIDENCE_PERMIT');
      }
      if (p.deathDate) {
        dead++;
        expect(p.deathDate > p.birthDate).toBe(true);
        expect(p.mobilePhone).toBeUndefined();
      }
      if (p.mobilePhone) {
        phones++;
        expect(p.mobilePhone).toMatch(/^\+7 7\d\d \d{3} \d\d \d\d$/);
      }
      expect(p.address.postcode).toMatch(/^\d{6}$/);
      expect(p.latinName).toMatch(/^[A-Z' -]+$/);
    }
    const n = SAMPLE.length;
    expect(family / n).toBeGreaterThan(0.25);
    expect(foreign / n).toBeGreaterThan(0.01);
    expect(foreign / n).toBeLessThan(0.08);
    expect(dead / n).toBeGreaterThan(0.02);
    expect(phones / n).toBeGreaterThan(0.6);
  });
});

describe('families', () => {
  it('are consistent both ways: spouse of spouse, children and parents, siblings', () => {
    let links = 0;
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      const f = world.family(p.iin);
      if (f.spouse) {
        links++;
        expect(world.family(f.spouse).spouse).toBe(p.iin);
        expect(world.person(f.spouse)!.sex).not.toBe(p.sex);
      }
      for (const c of f.children) {
        links++;
        expect(world.family(c).parents).toContain(p.iin);
        expect(world.person(c)!.birthDate > p.birthDate).toBe(true);
      }
      for (const parent of f.parents) expect(world.family(parent).children).toContain(p.iin);
      for (const s of f.siblings) expect(world.family(s).siblings).toContain(p.iin);
      if (f.parents.length === 2) {
        const father = f.parents.map((x) => world.person(x)!).find((x) => x.sex === 'MALE')!;
        // Children carry the father's surname (in their own gender) and his name in their patronymic.
        expect(p.lastName.startsWith(father.lastName.replace(/а$/, ''))).toBe(true);
        if (p.middleName) expect(p.middleName.startsWith(father.firstName.slice(0, 2))).toBe(true); // Юрий -> Юрьевич
        expect(p.address).toEqual(father.address);
      }
    }
    expect(links).toBeGreaterThan(100);
  });
});

describe('families of the whole default world', () => {
  it('never marry a person to themselves, a sibling, a parent or a child, and list every link from both sides', () => {
    // IINs straight from the index (no full records), problems collected (not one expect per link): a quick walk.
    const ctx = createContext(world.seed, world.personCount, world.legalEntityCount);
    const problems: string[] = [];
    let married = 0;
    for (let i = 0; i < world.personCount; i++) {
      const iin = iinAt(ctx, i);
      const f = world.family(iin);
      const relatives = [...f.parents, ...f.children, ...f.siblings];
      if (relatives.includes(iin)) problems.push(`${i}: own relative`);
      if (new Set(relatives).size !== relatives.length) problems.push(`${i}: a relative twice`);
      if (f.spouse) {
        married++;
        if (f.spouse === iin) problems.push(`${i}: own spouse`);
        if (f.siblings.includes(f.spouse)) problems.push(`${i}: married to a sibling`);
        if (f.parents.includes(f.spouse) || f.children.includes(f.spouse)) problems.push(`${i}: married to a parent or child`);
        if (world.family(f.spouse).spouse !== iin) problems.push(`${i}: spouse not mutual`);
      }
      for (const p of f.parents) if (!world.family(p).children.includes(iin)) problems.push(`${i}: parent does not list the child`);
      for (const c of f.children) if (!world.family(c).parents.includes(iin)) problems.push(`${i}: child does not list the parent`);
      for (const s of f.siblings) if (!world.family(s).siblings.includes(iin)) problems.push(`${i}: sibling not mutual`);
    }
    expect(problems).toEqual([]);
    expect(married).toBeGreaterThan(1500);
  }, 30_000);
});

describe('legal entities and company roles', () => {
  it('give every entity a valid BIN that maps back', () => {
    for (let e = 0; e < 2000; e += 3) {
      const le = world.legalEntityAt(e);
      expect(isValidBin(le.bin)).toBe(true);
      expect(world.legalEntity(le.bin)).toEqual(le);
      expect(le.registeredOn.slice(2, 4) + le.registeredOn.slice(5, 7)).toBe(le.bin.slice(0, 4));
    }
  });

  it('agree with companiesOf both ways', () => {
    for (let e = 0; e < 2000; e += 7) {
      const le = world.legalEntityAt(e);
      expect(world.companiesOf(le.directorIin)).toContainEqual({ bin: le.bin, role: 'DIRECTOR' });
      for (const f of le.founders) if (f.iin) expect(world.companiesOf(f.iin).some((c) => c.bin === le.bin && c.role === 'FOUNDER')).toBe(true);
    }
    let roles = 0;
    for (const i of SAMPLE) {
      const iin = world.personAt(i).iin;
      for (const c of world.companiesOf(iin)) {
        roles++;
        const le = world.legalEntity(c.bin)!;
        if (c.role === 'DIRECTOR') expect(le.directorIin).toBe(iin);
        else expect(le.founders.some((f) => f.iin === iin)).toBe(true);
      }
    }
    expect(roles).toBeGreaterThan(100);
  });
});

describe('property', () => {
  it('vehicles are found again by VIN and by plate, with valid VIN check digits and Kazakh plates', () => {
    let count = 0;
    let stolen = 0;
    let arrested = 0;
    const owners = [...SAMPLE.map((i) => ({ iin: world.personAt(i).iin })), ...Array.from({ length: 300 }, (_, e) => ({ bin: world.legalEntityAt(e).bin }))];
    for (const owner of owners) {
      for (const v of world.vehiclesOf(owner)) {
        count++;
        if (v.stolen) stolen++;
        if (v.arrested) arrested++;
        expect(v.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
        expect(v.vin[8]).toBe(vinCheckDigit(v.vin));
        expect(v.plate).toMatch(/^\d{3}[A-Z]{3}(0[1-9]|1\d|20)$/);
        expect(v.owner).toEqual(owner);
        expect(world.vehicle(v.vin)).toEqual(v);
        expect(world.vehicleByPlate(v.plate)).toEqual(v);
        expect(world.vehicleByPlate(`${v.plate.slice(0, 3)} ${v.plate.slice(3, 6).toLowerCase()} ${v.plate.slice(6)}`)?.vin).toBe(v.vin);
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(stolen).toBeGreaterThan(0);
    expect(arrested).toBeGreaterThan(0);
  });

  it('weapons, real estate and land plots are found again by their own identifiers', () => {
    let weapons = 0;
    let homes = 0;
    let plots = 0;
    for (const i of SAMPLE) {
      const p = world.personAt(i);
      for (const w of world.weaponsOf(p.iin)) {
        weapons++;
        expect(w.ownerIin).toBe(p.iin);
        expect(world.weapon(w.serialNumber)).toEqual(w);
      }
      for (const r of world.realEstateOf({ iin: p.iin })) {
        homes++;
        expect(r.cadastralNumber).toMatch(/^\d{2}:\d{3}:\d{3}:\d{3}:1(\/\d+)?$/);
        expect(world.realEstate(r.cadastralNumber)).toEqual(r);
      }
      for (const l of world.landPlotsOf({ iin: p.iin })) {
        plots++;
        expect(world.landPlot(l.cadastralNumber)).toEqual(l);
      }
    }
    expect(weapons).toBeGreaterThan(10);
    expect(homes).toBeGreaterThan(500);
    expect(plots).toBeGreaterThan(100);
  });

  it('a family home is registered at the address of the family', () => {
    const owner = SAMPLE.map((i) => world.personAt(i)).find((p) => world.realEstateOf({ iin: p.iin }).length > 0 && world.family(p.iin).children.length > 0)!;
    const home = world.realEstateOf({ iin: owner.iin })[0]!;
    expect(home.address).toEqual(owner.address);
  });
});
