import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { identityApplications } from '../s28-identity-applications/index.ts';
import photos from './index.ts';

const world = defaultWorld();
type Photo = {
  takenOn: string;
  applicationNumber: string;
  documentNumber: string | null;
  mimeType: string;
  widthPx: number;
  heightPx: number;
  imageBase64: string;
};

describe('s27 document photos', () => {
  it('has one photo per identity document application (service 28), the newest for the document held', () => {
    const person = world.personAt(5);
    const answer = photos.mock.entities!.Person!(person.iin, world) as { documentPhotos: Photo[] };
    const applications = identityApplications(person.iin, world);
    expect(answer.documentPhotos.map((p) => p.applicationNumber).sort()).toEqual(applications.map((a) => a.applicationNumber).sort());
    const issued = answer.documentPhotos.filter((p) => p.documentNumber);
    expect(issued[0]?.documentNumber).toBe(person.document.number);
  });

  it('serves a decodable PNG of the stated size', () => {
    const answer = photos.mock.entities!.Person!(world.personAt(9).iin, world) as { documentPhotos: Photo[] };
    const photo = answer.documentPhotos[0]!;
    const png = Buffer.from(photo.imageBase64, 'base64');
    expect(photo.mimeType).toBe('image/png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([photo.widthPx, photo.heightPx]);
    const idatLength = png.readUInt32BE(33);
    const pixels = inflateSync(png.subarray(41, 41 + idatLength));
    expect(pixels.length).toBe(photo.heightPx * (1 + photo.widthPx * 3));
  });
});
