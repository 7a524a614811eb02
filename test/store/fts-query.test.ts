import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toFtsQuery } from '../../src/store/fts-query.js';

test('search input becomes valid FTS5: punctuated words quoted, syntax passed through', () => {
  assert.equal(toFtsQuery('White Helmets'), 'White Helmets');
  assert.equal(toFtsQuery('al-Nusra front'), '"al-Nusra" front');
  assert.equal(toFtsQuery("Russia's U.S."), `"Russia's" "U.S."`);
  assert.equal(toFtsQuery('"white helmets" OR (nusra NOT idlib)'), '"white helmets" OR ( nusra NOT idlib )');
  assert.equal(toFtsQuery('terror* pro-Kremlin*'), 'terror* "pro-Kremlin"*');
  assert.equal(toFtsQuery('title:helmets Outlet:sputnik-news'), 'title:helmets outlet:"sputnik-news"');
  assert.equal(toFtsQuery('say "hi"*'), 'say "hi"*');
  assert.equal(toFtsQuery('a"b'), 'a "b', 'an unterminated quote stays for FTS5 to reject');
  assert.equal(toFtsQuery('Дамаск Şam'), 'Дамаск Şam');
});
