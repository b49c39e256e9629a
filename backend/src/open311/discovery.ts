import type { Env } from '../kernel/index.js';
import { w3c } from './datetime.js';
import { MEDIA_TYPES } from './format.js';

/** When this server's Open311 interface last changed (the discovery `changeset`). */
export const OPEN311_CHANGESET = new Date('2026-12-03T00:00:00Z');
export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';

/** The service discovery document: one GeoReport v2 endpoint (`test` in demo mode), XML and JSON. */
export function discoveryDocument(env: Pick<Env, 'OPEN311_CONTACT' | 'DEMO'>, baseUrl: string) {
  const changeset = w3c(OPEN311_CHANGESET);
  return {
    changeset,
    contact: env.OPEN311_CONTACT,
    key_service: 'API keys are issued per client application by the district administrator of OneGrid (npm run open311:keys -- create NAME).',
    endpoints: [
      {
        specification: GEOREPORT_V2_SPEC,
        url: `${baseUrl}/open311/v2`,
        changeset,
        type: env.DEMO ? 'test' : 'production',
        formats: [MEDIA_TYPES.xml.split(';')[0], MEDIA_TYPES.json.split(';')[0]],
      },
    ],
  };
}
