import { expect, it } from 'vitest';
import { PLAYING_SEATS } from '../../shared/scenario/schema.js';
import { PLAYING_SEATS as CLIENT_SEATS } from '../../client/seats.js';

it('the lobby’s seat list is the schema’s', () => {
  expect([...CLIENT_SEATS]).toEqual([...PLAYING_SEATS]);
});
