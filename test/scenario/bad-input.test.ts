// Bad input, table-driven: every case must throw a ScenarioError whose message names
// the file, the YAML path of the problem, and what would have been valid.
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../sim/scenario/index.js';
import { type Doc, memoryReader, mutated, scenarioErrorOf, SMALL } from './helpers.js';

interface Case {
  name: string;
  /** The scenario text, or a change to the small fixture. */
  input: string | ((d: Doc) => void);
  /** Other files for `extends`, by path. */
  files?: Record<string, string>;
  /** Folders beyond the scenario's own that `extends` may reach (--extends-root). */
  roots?: string[];
  /** Expected YAML path; '' for problems with the file as a whole. */
  path: string;
  /** Part of the message that says what would be valid. */
  hint: string;
}

const FILE = 'bad.yaml';
const set = (f: (d: Doc) => void) => f;
const stream0 = (d: Doc) => d.organisation.streams[0];
const minimal = (extendsRef: string) => `stroom: 1\nname: X\nextends: ${extendsRef}\n`;
const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

const CASES: Case[] = [
  // keys
  { name: 'unknown top-level key', input: set((d) => (d.colour = 'red')), path: 'colour', hint: 'unknown key "colour"; allowed keys: stroom, name, description, extends, organisation' },
  { name: 'unknown nested key', input: set((d) => (stream0(d).steps[1].servce = '1 h')), path: 'organisation.streams[0].steps[1].servce', hint: 'allowed keys: team, service, questionsPerCase' },
  { name: 'unknown key in a distribution', input: set((d) => (stream0(d).steps[0].service = { type: 'exponential', mean: '1 h', cv: 1 })), path: 'organisation.streams[0].steps[0].service.cv', hint: 'allowed keys: type, mean' },
  { name: 'missing designs', input: set((d) => delete d.designs), path: 'designs', hint: 'missing required key "designs"' },
  { name: 'no designs at all', input: set((d) => (d.designs = {})), path: 'designs', hint: 'needs at least 1 entry' },
  { name: 'missing stroom version', input: set((d) => delete d.stroom), path: 'stroom', hint: 'start the file with "stroom: 1"' },
  { name: 'wrong version stroom: 2', input: set((d) => (d.stroom = 2)), path: 'stroom', hint: 'this stroom reads version 1' },
  // quantities
  { name: 'rate where a time is expected', input: set((d) => (stream0(d).dueIn = '3 per day')), path: 'organisation.streams[0].dueIn', hint: 'expected a time (e.g. "45 min", "2 h", "3 days"), got a rate' },
  { name: 'time where a rate is expected', input: set((d) => (stream0(d).arrivals = '2 h')), path: 'organisation.streams[0].arrivals', hint: 'expected a rate (e.g. "30 per day"' },
  { name: 'unknown unit', input: set((d) => (stream0(d).dueIn = '3 fortnights')), path: 'organisation.streams[0].dueIn', hint: 'use s, min, h, day or week' },
  { name: 'calendar unit refused (year)', input: set((d) => (d.experiment.horizon = '1 year')), path: 'experiment.horizon', hint: 'unknown unit "year"' },
  { name: 'negative rate', input: set((d) => (stream0(d).arrivals = '-3 per day')), path: 'organisation.streams[0].arrivals', hint: 'must not be negative' },
  { name: 'zero rate', input: set((d) => (stream0(d).arrivals = '0 per day')), path: 'organisation.streams[0].arrivals', hint: 'must be a finite rate > 0 per hour' },
  { name: 'a boolean where a quantity is expected', input: set((d) => (stream0(d).dueIn = true)), path: 'organisation.streams[0].dueIn', hint: 'must be a quantity: a number or a string with units' },
  { name: 'probability > 1', input: set((d) => (stream0(d).urgentShare = 1.5)), path: 'organisation.streams[0].urgentShare', hint: 'must be <= 1, got 1.5 (a probability in [0, 1])' },
  { name: 'NaN probability (.nan)', input: set((d) => (d.behaviour.informalPassOn = Number.NaN)), path: 'behaviour.informalPassOn', hint: 'must be a probability in [0, 1], got NaN' },
  { name: 'hours per week above 40', input: set((d) => (d.organisation.persons[0].hoursPerWeek = '45 h/week')), path: 'organisation.persons[0].hoursPerWeek', hint: 'must be in (0, 40]' },
  { name: 'mathjs injection: import(...)', input: set((d) => (stream0(d).dueIn = 'import("fs")')), path: 'organisation.streams[0].dueIn', hint: 'functions are not allowed' },
  { name: "mathjs injection: evaluate('1')", input: set((d) => (d.behaviour.fallbackDelay = "evaluate('1')")), path: 'behaviour.fallbackDelay', hint: 'functions are not allowed' },
  { name: 'mathjs injection: f(x)=x', input: set((d) => (d.behaviour.mtItemHours = 'f(x)=x')), path: 'behaviour.mtItemHours', hint: 'assignments are not allowed' },
  // references
  { name: 'step owned by a missing team', input: set((d) => (stream0(d).steps[1].team = 'asess')), path: 'organisation.streams[0].steps[1].team', hint: 'unknown team "asess"; teams: intake, assess, decide' },
  { name: 'role naming a missing team', input: set((d) => (d.organisation.persons[0].roles[0] = 'manager:asess')), path: 'organisation.persons[0].roles[0]', hint: 'unknown team "asess" in role "manager:asess"; teams: intake, assess, decide' },
  { name: 'group role naming a missing stream', input: set((d) => (d.organisation.groups[0].roles = ['processCoordinator:permit'])), path: 'organisation.groups[0].roles[0]', hint: 'streams: permits, reports' },
  { name: 'unknown role', input: set((d) => (d.organisation.persons[1].roles[0] = 'boss:assess')), path: 'organisation.persons[1].roles[0]', hint: 'roles: operator, lineCoordinator, processCoordinator, manager, processManager, mt' },
  { name: 'meeting participant unknown', input: set((d) => (d.organisation.meetings[1].participants[1] = 'rachidd')), path: 'organisation.meetings[1].participants[1]', hint: 'unknown person "rachidd"; persons: marieke, rachid' },
  { name: 'agreement on an unknown question type', input: set((d) => (d.organisation.agreements[0].questionType = 'prio')), path: 'organisation.agreements[0].questionType', hint: 'question types: priority, handover, exception' },
  { name: 'baseline names no design', input: set((d) => (d.experiment.baseline = 'isle')), path: 'experiment.baseline', hint: 'unknown design "isle"; designs: island, usm' },
  // ids
  { name: 'duplicate team id', input: set((d) => (d.organisation.teams[2].id = 'intake')), path: 'organisation.teams[2].id', hint: 'duplicate id "intake"' },
  { name: 'duplicate person id via a group', input: set((d) => (d.organisation.persons[1].id = 'in-op-1')), path: 'organisation.groups[0].id', hint: 'duplicate id "in-op-1"' },
  { name: 'duplicate meeting id', input: set((d) => (d.organisation.meetings[1].id = 'mt')), path: 'organisation.meetings[1].id', hint: 'duplicate meeting id "mt"' },
  { name: 'id that is not an id', input: set((d) => (d.organisation.teams[0].id = 'in take')), path: 'organisation.teams[0].id', hint: 'must be an id: a letter, then letters, digits' },
  { name: 'keyPersons above the group count', input: set((d) => (d.organisation.groups[0].keyPersons = 9)), path: 'organisation.groups[0].keyPersons', hint: "at most the group's count (4)" },
  // enums, presets, policies, distributions
  { name: 'unknown preset', input: set((d) => (d.designs.island.preset = 'archipelago')), path: 'designs.island.preset', hint: 'unknown preset "archipelago"; presets: island, usm, half-coordinator, half-no-dominance' },
  { name: 'unknown policy key', input: set((d) => (d.designs.usm.policies.dominanse = 'line')), path: 'designs.usm.policies.dominanse', hint: 'allowed keys: dominance, processCoordinator' },
  { name: 'bad enum value (dominance: sideways)', input: set((d) => (d.designs.usm.policies.dominance = 'sideways')), path: 'designs.usm.policies.dominance', hint: '"sideways" is not allowed; allowed values: none, line, process' },
  { name: 'bad distribution type', input: set((d) => (stream0(d).steps[0].service = { type: 'weibull', mean: '1 h' })), path: 'organisation.streams[0].steps[0].service.type', hint: 'unknown distribution type "weibull"; valid types: exponential, deterministic, uniform, triangular, gamma, erlang, lognormal, empirical' },
  { name: 'lognormal cv negative', input: set((d) => (stream0(d).steps[0].service.cv = -0.5)), path: 'organisation.streams[0].steps[0].service.cv', hint: 'must be > 0, got -0.5' },
  { name: 'timeline entry with a bad at', input: set((d) => (d.designs.usm.timeline[0].at = 'soon')), path: 'designs.usm.timeline[0].at', hint: 'unknown unit "soon"' },
  { name: 'timeline at given as a rate', input: set((d) => (d.designs.usm.timeline[0].at = '3 per week')), path: 'designs.usm.timeline[0].at', hint: 'expected a time' },
  // provenance
  { name: 'bad source format', input: set((d) => (stream0(d).source = 'page 12')), path: 'organisation.streams[0].source', hint: 'bad source "page 12"; a source names seed lines written "NNN:L<line>"' },
  { name: 'source from an unknown seed file', input: set((d) => (stream0(d).source = '007:L12')), path: 'organisation.streams[0].source', hint: 'seed files are 000 to 004' },
  { name: 'bad per-field provenance', input: set((d) => (stream0(d).provenance.arrivals = 'see the book')), path: 'organisation.streams[0].provenance.arrivals', hint: 'must cite seed lines ("000:L163"' },
  { name: 'provenance for a field that does not exist', input: set((d) => (stream0(d).provenance.arivals = 'assumption: x')), path: 'organisation.streams[0].provenance.arivals', hint: 'not a field of this mapping; fields: id, name, arrivals' },
  // extends
  { name: 'cyclic extends (2 files)', input: minimal('./b.yaml'), files: { 'b.yaml': minimal('bad.yaml') }, path: 'extends', hint: 'extends cycle: bad.yaml -> b.yaml -> bad.yaml' },
  { name: 'cyclic extends (3 files)', input: minimal('b.yaml'), files: { 'b.yaml': minimal('sub/c.yaml'), 'sub/c.yaml': minimal('../bad.yaml') }, roots: ['.'], path: 'extends', hint: 'extends cycle: bad.yaml -> b.yaml -> sub/c.yaml -> bad.yaml' },
  { name: 'extends of a missing file', input: minimal('./nowhere.yaml'), files: {}, path: 'extends', hint: 'cannot read "./nowhere.yaml" (nowhere.yaml): no such file' },
  // extends stays home: only .yaml/.yml/.json files in the scenario's folder tree, or built-ins
  { name: 'extends /etc/passwd', input: minimal('/etc/passwd'), files: { '/etc/passwd': 'root:x:0:0' }, path: 'extends', hint: '"/etc/passwd" is not a scenario file; extends may name a .yaml, .yml or .json file in "./" or below' },
  { name: 'extends ../../ outside the folder', input: minimal('../../secret.yaml'), files: { '../../secret.yaml': 'stroom: 1\nsecretKey: 1\n' }, path: 'extends', hint: '"../../secret.yaml" is outside the folder of this scenario; extends may name a .yaml, .yml or .json file in "./" or below' },
  { name: 'extends an absolute path outside', input: minimal('/home/someone/base.yaml'), files: { '/home/someone/base.yaml': 'stroom: 1\n' }, path: 'extends', hint: 'is outside the folder of this scenario' },
  { name: 'extends a missing file outside (same message)', input: minimal('../../secret.yaml'), files: {}, path: 'extends', hint: '"../../secret.yaml" is outside the folder of this scenario; extends may name' },
  { name: 'extends a folder that climbs out and back', input: minimal('sub/../../x.yaml'), files: { '../x.yaml': 'stroom: 1\n' }, path: 'extends', hint: 'is outside the folder of this scenario' },
  { name: 'extends a .txt file', input: minimal('./notes.txt'), files: { 'notes.txt': 'stroom: 1\n' }, path: 'extends', hint: '"./notes.txt" is not a scenario file; extends may name a .yaml, .yml or .json file' },
  { name: 'extends an unknown built-in name', input: minimal('dpvv'), files: {}, path: 'extends', hint: 'no built-in scenario "dpvv"' },
  { name: 'extends a list', input: 'stroom: 1\nname: X\nextends: [a.yaml]\n', files: {}, path: 'extends', hint: 'must be the path of a scenario file, e.g. "./base.yaml", or a built-in scenario name' },
  // keys that would reach into JavaScript prototypes
  { name: '__proto__ at top level', input: 'stroom: 1\nname: X\n__proto__: { polluted: 1 }\n', path: '__proto__', hint: 'unknown key "__proto__": the names __proto__, constructor and prototype are not allowed' },
  { name: 'constructor at top level', input: 'stroom: 1\nname: X\nconstructor: 1\n', path: 'constructor', hint: 'unknown key "constructor"' },
  { name: 'prototype at top level', input: 'stroom: 1\nname: X\nprototype: {}\n', path: 'prototype', hint: 'unknown key "prototype"' },
  { name: 'a design under __proto__', input: SMALL.replace(/^designs:\n/m, 'designs:\n  __proto__:\n    preset: usm\n'), path: 'designs.__proto__', hint: 'unknown key "__proto__"' },
  { name: 'a design named constructor', input: SMALL.replace(/^designs:\n/m, 'designs:\n  constructor:\n    preset: usm\n'), path: 'designs.constructor', hint: 'unknown key "constructor"' },
  { name: '__proto__ inside a person', input: SMALL.replace(/^( +)- id: marieke\n/m, '$1- id: marieke\n$1  __proto__: { roles: [mt] }\n'), path: 'organisation.persons[0].__proto__', hint: 'not allowed as keys anywhere in a scenario' },
  { name: 'quoted "__proto__" in behaviour', input: SMALL.replace(/^behaviour:\n/m, 'behaviour:\n  "__proto__": { informalPassOn: 1 }\n'), path: 'behaviour.__proto__', hint: 'unknown key "__proto__"' },
  // YAML messages that say what to fix
  { name: 'duplicate nested key', input: 'stroom: 1\nname: X\nexperiment:\n  seed: 1\n  seed: 2\n', path: 'experiment.seed', hint: 'duplicate key "seed" (first at line 4); a key may appear once in a mapping' },
  { name: 'duplicate key in a flow mapping', input: 'stroom: 1\nname: X\nbehaviour: { a: 1, b: 2, a: 3 }\n', path: 'behaviour.a', hint: 'duplicate key "a" (first at line 3)' },
  { name: 'tag !!js/function', input: 'stroom: 1\nname: !!js/function "function () { return 1 }"\n', path: 'name', hint: 'YAML tag "!!js/function" is not allowed in scenarios' },
  { name: 'local tag !foo on a mapping', input: 'stroom: 1\nname: X\nbehaviour: !foo { a: 1 }\n', path: 'behaviour', hint: 'YAML tag "!foo" is not allowed in scenarios' },
  { name: 'tag !!str (every tag is refused)', input: 'stroom: 1\nname: !!str 12\n', path: 'name', hint: 'YAML tag "!!str" is not allowed in scenarios: write the plain value (quote it to make it text' },
  { name: 'tag !!binary', input: 'stroom: 1\nname: X\ndescription: !!binary aGVsbG8=\n', path: 'description', hint: 'YAML tag "!!binary" is not allowed' },
  { name: 'verbatim tag on a key', input: 'stroom: 1\n!<tag:x> name: X\n', path: 'name', hint: 'YAML tag "tag:x" is not allowed' },
  { name: 'two YAML documents', input: 'stroom: 1\nname: X\n---\nstroom: 1\n', path: '', hint: 'a scenario file holds one document' },
  // nesting: refused with the limit, never "Maximum call stack size exceeded"
  { name: 'flow nesting 10,000 deep', input: `stroom: 1\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, path: '', hint: 'YAML nesting is deeper than 50 levels' },
  { name: 'flow mapping nesting 10,000 deep', input: `stroom: 1\nname: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, path: '', hint: 'YAML nesting is deeper than 50 levels' },
  { name: 'block list nesting 10,000 deep', input: `stroom: 1\nname:\n  ${'- '.repeat(10_000)}x\n`, path: '', hint: 'YAML nesting is deeper than 50 levels' },
  { name: 'block mapping nesting 1,500 deep', input: `stroom: 1\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, path: '', hint: 'YAML nesting is deeper than 50 levels' },
  { name: 'nesting made deep by aliases', input: `stroom: 1\n${[1, 2, 3].map((i) => `a${i}: &a${i} ${'['.repeat(20)}${i === 1 ? 1 : `*a${i - 1}`}${']'.repeat(20)}`).join('\n')}\n`, path: '', hint: 'once YAML aliases are expanded; at most 50 levels are allowed' },
  { name: 'huge anchor used 200 times', input: `stroom: 1\nbig: &big [${Array(1000).fill('x').join(',')}]\nuses: [${Array(200).fill('*big').join(',')}]\n`, path: '', hint: 'at most 100 alias uses are allowed' },
  // seed: a whole number from 0 to 2^53 - 1, the same rule as --seed
  { name: 'seed 1.5', input: set((d) => (d.experiment.seed = 1.5)), path: 'experiment.seed', hint: 'must be a whole number from 0 to 9007199254740991 (2^53 - 1), e.g. 2026, got 1.5' },
  { name: 'seed -1', input: set((d) => (d.experiment.seed = -1)), path: 'experiment.seed', hint: 'must be >= 0, got -1 (a whole number from 0' },
  { name: 'seed as text', input: set((d) => (d.experiment.seed = 'abc')), path: 'experiment.seed', hint: 'must be a whole number from 0 to 9007199254740991' },
  { name: 'seed above 2^53 - 1', input: set((d) => (d.experiment.seed = 2 ** 60)), path: 'experiment.seed', hint: 'must be <= 9007199254740991' },
  // text
  { name: 'empty file', input: '', path: '', hint: 'empty file; a scenario is a YAML mapping that starts with "stroom: 1"' },
  { name: 'whitespace-only file', input: '  \n\t\n   \n', path: '', hint: 'empty file' },
  { name: 'comments-only file', input: '# nothing here\n', path: '', hint: 'empty file (only comments)' },
  { name: 'binary file (NUL bytes)', input: 'stroom: 1\u0000\u0001\u0002', path: '', hint: 'binary file (contains NUL bytes)' },
  { name: 'invalid UTF-8 (replacement characters)', input: 'stroom: 1\nname: caf\uFFFD\n', path: '', hint: 'not valid UTF-8' },
  { name: 'YAML syntax error', input: 'stroom: 1\nname: [unclosed\n', path: '', hint: 'YAML:' },
  { name: 'duplicate YAML key', input: 'stroom: 1\nname: a\nname: b\n', path: 'name', hint: 'duplicate key "name" (first at line 2)' },
  { name: 'YAML anchor bomb (billion laughs)', input: bomb, path: '', hint: 'anchor bomb' },
  { name: 'top level is a list', input: '- stroom: 1\n', path: '', hint: 'the top level must be a mapping' },
  { name: 'collection as a mapping key', input: '? [a, b]\n: 1\n', path: '', hint: 'mapping keys must be plain names' },
  // sizes
  { name: 'absurd group count (1e9 persons)', input: set((d) => (d.organisation.groups[0].count = 1e9)), path: 'organisation.groups[0].count', hint: 'must be <= 10000' },
  { name: 'groups adding up beyond 10,000 persons', input: set((d) => d.organisation.groups.forEach((g: Doc) => (g.count = 5000))), path: 'organisation', hint: 'add up to 15,004 persons; at most 10,000 are allowed' },
  { name: '100000 steps', input: set((d) => (stream0(d).steps = Array.from({ length: 100_000 }, () => ({})))), path: 'organisation.streams[0].steps', hint: 'at most 20 steps per stream are allowed, got 100,000' },
  { name: '3 MB file', input: `stroom: 1\n# ${'x'.repeat(3 * 1024 * 1024)}\n`, path: '', hint: 'scenario files may be at most 2.0 MB' },
];

describe('bad input', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = typeof c.input === 'string' ? c.input : mutated(c.input);
    const access = c.files ? { readFile: memoryReader(c.files), roots: c.roots } : undefined;
    const err = scenarioErrorOf(() => loadScenario(text, FILE, access));
    expect(err).toBeInstanceOf(ScenarioError);
    expect(err.file).toBe(FILE);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain(c.hint);
    if (c.path !== '') {
      expect(err.issues.map((i) => i.path)).toContain(c.path);
      expect(err.message).toContain(`: ${c.path}: `);
    }
    expect(err.message).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m); // no stack frames
    expect(err.message).not.toMatch(/must NOT have|must match exactly one schema/); // no raw ajv text
  });

  it('gives line:column where the YAML library knows them', () => {
    const err = scenarioErrorOf(() => loadScenario(mutated((d) => (stream0(d).steps[1].team = 'asess')), FILE));
    expect(err.message).toMatch(/^bad\.yaml:\d+:\d+: organisation\.streams\[0\]\.steps\[1\]\.team: unknown team "asess"/m);
    const syntax = scenarioErrorOf(() => loadScenario('stroom: 1\nname: [unclosed\n', FILE));
    expect(syntax.issues[0]?.line).toBeGreaterThan(0);
  });

  it('reports all problems of a stage at once', () => {
    const err = scenarioErrorOf(() =>
      loadScenario(mutated((d) => {
        stream0(d).dueIn = '3 per day';
        d.organisation.persons[0].roles[0] = 'manager:nowhere';
        d.designs.usm.timeline[0].at = 'soon';
      }), FILE),
    );
    expect(err.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['organisation.streams[0].dueIn', 'organisation.persons[0].roles[0]', 'designs.usm.timeline[0].at']),
    );
  });

  it('still loads the unmutated fixture', () => {
    expect(() => loadScenario(SMALL, 'small.yaml')).not.toThrow();
  });
});
