import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { mapField, cutToUnits } from '../../../src/domain/mapping/map-field.js';
import { sampleProfileObject } from '../../../src/erp/sample/sample-profile.js';
import { parseProfile, ProfileError, type ProfileProblem } from '../../../src/profile/index.js';

const env = { zone: 'UTC', lookups: {}, ctx: {} };

describe('maxLength and truncate count what Infoplus counts (UTF-16 units)', () => {
  it('an emoji at the cut is left out whole: the result fits in maxLength units', () => {
    const text = `${'a'.repeat(39)}😀 and more`;
    const r = mapField({ d: text }, { column: 'd', maxLength: 40, truncate: true }, 'itemDescription', env);
    expect(r.value).toBe('a'.repeat(39));
    expect((r.value as string).length).toBeLessThanOrEqual(40);
  });

  it('never cuts inside a grapheme (a letter with a combining mark, a flag, a family emoji)', () => {
    expect(cutToUnits('abce\u0301', 4)).toBe('abc'); // 'e' + U+0301 is two units, one grapheme
    expect(cutToUnits('ab🇩🇪c', 5)).toBe('ab'); // a flag is four units
    expect(cutToUnits('ab🇩🇪c', 6)).toBe('ab🇩🇪');
    expect(cutToUnits('x👨‍👩‍👧', 5)).toBe('x');
    expect(cutToUnits('plain', 10)).toBe('plain');
  });

  it('a value over the limit in UTF-16 units is reported with its length in units', () => {
    // 20 emoji are 20 code points but 40 units: Infoplus would refuse them for a 20-character field
    const r = mapField({ d: '😀'.repeat(20) }, { column: 'd', maxLength: 20 }, 'sku', env);
    expect(r.problem?.message).toMatch(/40 characters \(UTF-16 units\); Infoplus allows 20/);
  });
});

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('truncate is refused on a key field', () => {
  function problemsOf(mutate: (doc: Doc) => void): ProfileProblem[] {
    const doc = structuredClone(sampleProfileObject('sqlite')) as Doc;
    mutate(doc);
    try {
      parseProfile(stringify(doc), 'test.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      return [...(e as ProfileError).problems];
    }
    return [];
  }

  it('names the key field', () => {
    const problems = problemsOf((d) => {
      d['touchpoints']['items']['fields']['sku'] = {
        column: 'sku',
        case: 'upper',
        maxLength: 20,
        truncate: true,
      };
    });
    expect(problems.map((p) => p.path)).toEqual(['touchpoints.items.fields.sku.truncate']);
    expect(problems[0]!.message).toMatch(/not allowed on the key field sku/);
  });

  it('a non-key field may still be truncated', () => {
    expect(
      problemsOf((d) => {
        d['touchpoints']['items']['fields']['itemDescription'] = {
          column: 'description',
          maxLength: 40,
          truncate: true,
        };
      }),
    ).toEqual([]);
  });
});
