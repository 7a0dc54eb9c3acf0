import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { identityApplications } from '../s28-identity-applications/index.ts';
import { PORTRAIT, portraitPng } from './portrait.ts';

/** A photo is taken with every identity document application (service 28). */
function photos(iin: string, world: World) {
  const rows = identityApplications(iin, world);
  if (!rows.length) return null;
  const r = world.rng('s27', iin);
  const tone = r.int(0, 7);
  const image = portraitPng(tone);
  return {
    documentPhotos: rows.reverse().map((application) => ({
      photoId: `PH-${application.submittedOn.replace(/-/g, '')}-${r.digits(8)}`,
      takenOn: application.submittedOn,
      applicationNumber: application.applicationNumber,
      documentNumber: application.issuedDocumentNumber,
      mimeType: PORTRAIT.mimeType,
      widthPx: PORTRAIT.width,
      heightPx: PORTRAIT.height,
      imageBase64: image,
    })),
  };
}

export default defineService({
  number: 27,
  typeDefs: /* GraphQL */ `
    "A photograph of the person taken for an identity document, from the population documentation system (service 27)."
    type DocumentPhoto {
      "Photo identifier."
      photoId: String!
      "Date taken."
      takenOn: Date!
      "Form No. 1 application the photo was taken for."
      applicationNumber: String!
      "Number of the document issued with this photo (none while in progress)."
      documentNumber: String
      "Media type of the image."
      mimeType: String!
      "Width, pixels."
      widthPx: Int!
      "Height, pixels."
      heightPx: Int!
      "The image, base64."
      imageBase64: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Document photographs, newest first (service 27)."
      documentPhotos: [DocumentPhoto!]!
    }
  `,
  mock: { entities: { Person: photos } },
  example: { entity: 'Person', selection: 'documentPhotos { photoId takenOn documentNumber mimeType widthPx heightPx }' },
});
