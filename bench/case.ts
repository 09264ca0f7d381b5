// Child-process entry point: runs one benchmark case once and prints its figures as
// one JSON line (a ChildReport) last on stdout. run.ts starts one of these per case
// and repetition; it can also be run by hand to look at a single case:
//
//   node --import tsx bench/case.ts mm1-engine [--scale 0.1]
//
// Whatever happens, the last line is a ChildReport, so the orchestrator can tell a
// failed check or a missing tool from a crash and still print every declared figure.

import { cases } from './cases/index.js';
import { type CaseOutput, type ChildReport, Unavailable } from './lib/types.js';

function report(name: string, declared: readonly string[], out: CaseOutput, unavailable: boolean): ChildReport {
  const figures: Record<string, number | null> = {};
  const problems: Record<string, string> = {};
  // Project onto the declared list: fixed key order, and a forgotten figure is visible.
  for (const f of declared) {
    const v = out.figures[f];
    figures[f] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    const p = out.problems?.[f];
    if (p !== undefined) problems[f] = p;
    else if (v === undefined) problems[f] = 'case did not report this figure';
    else if (figures[f] === null) problems[f] = `not a finite number (${v})`;
  }
  for (const f of Object.keys(out.figures)) {
    if (!declared.includes(f)) process.stderr.write(`bench/case: ${name} reported undeclared figure ${f}; add it to the registry\n`);
  }
  return { stroomBench: 1, case: name, figures, problems, info: out.info ?? {}, unavailable };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const name = argv[0];
  let scale = 1;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--scale') scale = Number(argv[++i]);
    else throw new Error(`bench/case: unknown argument ${argv[i]}`);
  }
  if (!(scale > 0)) throw new Error('bench/case: --scale must be > 0');
  const spec = cases.find((c) => c.name === name);
  if (!spec) {
    process.stderr.write(`bench/case: unknown case "${name}"; known: ${cases.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  let out: CaseOutput;
  let code = 0;
  let unavailable = false;
  try {
    const mod = await spec.load();
    out = await mod.run({ name: spec.name, params: spec.params ?? {}, scale });
  } catch (err) {
    unavailable = err instanceof Unavailable;
    const msg = err instanceof Error ? err.message : String(err);
    if (!unavailable) {
      process.stderr.write(`bench/case: ${name} failed: ${err instanceof Error ? err.stack : msg}\n`);
      code = 1;
    }
    out = { figures: {}, problems: Object.fromEntries(spec.figures.map((f) => [f, unavailable ? msg : `case error: ${msg}`])) };
  }
  process.stdout.write(`${JSON.stringify(report(spec.name, spec.figures, out, unavailable))}\n`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench/case: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
