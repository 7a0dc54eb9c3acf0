import { prepareEntry, sealEntry } from '@negiz/gateway/journal/encoding.ts';
import { generator } from '/work/main/bench/journal/population.ts';
const make = generator(7);
const bodies = Array.from({ length: 2000 }, (_, i) => sealEntry(prepareEntry(make(i), { utcOffsetMinutes: 300 }), i).body);
for (let r = 0; r < 6; r++) {
  let s = performance.now();
  let out = '{'; for (let i = 0; i < bodies.length; i++) { if (i) out += ','; out += `"${bodies[i]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`; } out.charCodeAt(0);
  const a = performance.now() - s; s = performance.now();
  const parts = bodies.map((b) => `"${b.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`); const o2 = `{${parts.join(',')}}`; o2.charCodeAt(0);
  const b = performance.now() - s; s = performance.now();
  const j = JSON.stringify(bodies); j.charCodeAt(0);
  const c = performance.now() - s; s = performance.now();
  const parts3 = bodies.map((b) => (b.includes('\\') ? `"${b.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${b.replaceAll('"', '\\"')}"`)); const o3 = `{${parts3.join(',')}}`; o3.charCodeAt(0);
  const d = performance.now() - s;
  console.log({ concat: a.toFixed(1), join: b.toFixed(1), json: c.toFixed(1), replaceAll: d.toFixed(1) });
}
