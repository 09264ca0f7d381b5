// Provenance: the form of source references, and which parameters nothing vouches for
// (own mapping, a per-field entry, or an enclosing mapping).
import { describe, expect, it } from 'vitest';
import { loadScenario, parseSourceReference } from '../../sim/scenario/index.js';
import { parseProvenanceEntry } from '../../sim/scenario/provenance.js';
import { mutated } from './helpers.js';

describe('source references', () => {
  it('accepts lines, ranges, lists and file continuation', () => {
    expect(parseSourceReference('000:L163')).toEqual(['000:L163']);
    expect(parseSourceReference('000:L2694-2710')).toEqual(['000:L2694-2710']);
    expect(parseSourceReference('000:L158, L163')).toEqual(['000:L158', '000:L163']);
    expect(parseSourceReference('000:L1-2; 004:L9, L10-12')).toEqual(['000:L1-2', '004:L9', '004:L10-12']);
    expect(parseSourceReference('003:L5-5')).toEqual(['003:L5']);
  });

  it('refuses other forms, saying what a source looks like', () => {
    for (const bad of ['page 12', '005:L1', '000:12', '000:L0', '000:L9-3', 'L12', '000:L1,', '']) {
      const r = parseSourceReference(bad);
      expect(r, bad).toHaveProperty('error');
    }
    expect((parseSourceReference('page 12') as { error: string }).error).toContain('"NNN:L<line>"');
  });

  it('takes per-field entries as references with an optional note, or assumptions', () => {
    expect(parseProvenanceEntry('assumption: sized for 80%')).toEqual([]);
    expect(parseProvenanceEntry('assumption')).toEqual([]);
    expect(parseProvenanceEntry('000:L192, L262: member of the MT')).toEqual(['000:L192', '000:L262']);
    expect(parseProvenanceEntry('see the book')).toHaveProperty('error');
    expect(parseProvenanceEntry('a change (001:L828 names it)')).toEqual(['001:L828']);
    expect(parseProvenanceEntry('why (000:L5, L7-9)')).toEqual(['000:L5', '000:L7-9']);
    expect(parseProvenanceEntry('009:L1 note')).toHaveProperty('error');
  });
});

describe('provenance report', () => {
  it('lists parameters without a source or assumption', () => {
    const s = loadScenario(mutated((d) => {
      delete d.organisation.streams[1].assumption; // the stream and its steps lose theirs
      delete d.behaviour.assumption; // only improviseTendency keeps a per-field entry
      delete d.designs.usm.source; // timeline entry keeps its own source
    }), 'p.yaml');
    const missing = s.provenance.missing;
    expect(missing).toContain('organisation.streams[1].arrivals');
    expect(missing).toContain('organisation.streams[1].steps[0].service.mean');
    expect(missing).toContain('organisation.streams[1].steps[1].service.values');
    expect(missing).toContain('behaviour.fallbackDelay');
    expect(missing).toContain('behaviour.designEffort.k');
    expect(missing).not.toContain('behaviour.improviseTendency');
    expect(missing).toContain('designs.usm.policies.protectedDesignShare');
    expect(missing).not.toContain('designs.usm.timeline[0].at');
    expect(missing).not.toContain('designs.usm.add.persons[0].seniority');
    // ids, names, roles and references are not parameters
    expect(missing.some((p) => /\.(id|name|team|roles|type)$/.test(p))).toBe(false);
  });

  it('lets a per-field entry vouch for a whole sub-mapping', () => {
    const s = loadScenario(mutated((d) => {
      delete d.behaviour.assumption;
      d.behaviour.provenance = { designEffort: 'assumption: two days' };
    }), 'p.yaml');
    expect(s.provenance.missing).not.toContain('behaviour.designEffort.mean');
    expect(s.provenance.missing).toContain('behaviour.mtItemHours');
  });
});
