// Reading a claims file for `stroom claims`: the YAML is read with the scenario
// reader's limits (size, depth, aliases, one document), checked by parseClaimsFile, and
// then every name it uses is checked against the scenarios it names (designs exist,
// also those a claim adds with `set`; windows inside the run). Problems name the
// claims file and the path inside it; all are found before any replication runs.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimsFileError, parseClaimsFile } from '../../experiment/claims/parse.js';
import { checkDesigns } from '../../experiment/claims/evaluate.js';
import type { ClaimsFile } from '../../experiment/claims/types.js';
import type { Scenario } from '../../scenario/index.js';
import { parseSource } from '../../scenario/source-text.js';
import { UsageError } from '../errors.js';

/** The built-in claims file (the thirteen claims of DOMAIN.md §8), from sources or from dist/. */
export function builtinClaims(): string {
  const candidates = ['../../../scenarios/claims/claims.yaml', '../../../../scenarios/claims/claims.yaml'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export interface LoadedClaims {
  path: string;
  file: ClaimsFile;
  /** Claim scenario name → scenario file path. */
  scenarioFiles: Map<string, string>;
  /** Claim scenario name → its document (for the hypercube's assumption parameters). */
  scenarioDocs: Map<string, Record<string, unknown>>;
  /** Claim scenario name → the scenario as loaded (without any claim's set). */
  scenarios: Map<string, Scenario>;
}

export async function loadClaims(path: string, only: string[] | undefined): Promise<LoadedClaims> {
  const { readScenarioText, extendsAccess } = await import('../../node/scenario-files.js');
  const { loadLayers, mergeLayers } = await import('../../scenario/extends.js');
  const { scenarioFor } = await import('../../node/run-model.js');
  const { ScenarioError } = await import('../../scenario/index.js');
  const { scenarioPath } = await import('../context.js');
  let file: ClaimsFile;
  try {
    const text = readScenarioText(path);
    file = parseClaimsFile(parseSource(text, path).data);
  } catch (e) {
    if (e instanceof ClaimsFileError) throw new UsageError(`${path}:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
    if (e instanceof ScenarioError) throw new UsageError(e.message.replace(/scenario file/g, 'claims file'));
    throw e;
  }
  if (only !== undefined) {
    const ids = new Set(file.claims.map((c) => c.id));
    for (const id of only) if (!ids.has(id)) throw new UsageError(`--only: no claim "${id}" in ${path}; claims: ${[...ids].join(', ')}`);
    file = { ...file, claims: file.claims.filter((c) => only.includes(c.id)) };
  }
  const scenarioFiles = new Map<string, string>();
  const scenarioDocs = new Map<string, Record<string, unknown>>();
  const scenarios = new Map<string, Scenario>();
  const problems: string[] = [];
  for (const [i, claim] of file.claims.entries()) {
    const at = `claims[${i}] (${claim.id})`;
    let scenarioFile = scenarioFiles.get(claim.scenario);
    if (scenarioFile === undefined) {
      // A scenario named by a relative path is found beside the claims file.
      const rel = /[/\\]|\.ya?ml$/.test(claim.scenario) ? resolve(dirname(path), claim.scenario) : claim.scenario;
      try {
        scenarioFile = await scenarioPath(rel);
      } catch (e) {
        problems.push(`${at}.scenario: ${(e as Error).message}`);
        continue;
      }
      scenarioFiles.set(claim.scenario, scenarioFile);
      scenarioDocs.set(claim.scenario, mergeLayers(loadLayers(readScenarioText(scenarioFile), scenarioFile, extendsAccess())));
      scenarios.set(claim.scenario, scenarioFor(scenarioFile));
    }
    let scenario: Scenario;
    try {
      scenario = scenarioFor(scenarioFile, claim.set);
    } catch (e) {
      problems.push(`${at}.set: ${(e as Error).message}`);
      continue;
    }
    const weeks = (scenario.experiment.horizon + (typeof scenario.experiment.warmup === 'number' ? scenario.experiment.warmup : 0)) / 40;
    claim.checks.forEach((c, j) => {
      for (const d of checkDesigns(c)) {
        if (!scenario.designs[d]) problems.push(`${at}.checks[${j}]: design "${d}" is not in ${claim.scenario} (with the claim's set); designs: ${scenario.designOrder.join(', ')}`);
      }
      if (c.kind === 'change' || c.kind === 'diff-in-diff') {
        c.windows.forEach((w, k) => {
          if (w.to > weeks) problems.push(`${at}.checks[${j}].windows[${k}]: week ${w.to} is after the run's last week (${weeks}: warm-up plus horizon of ${claim.scenario})`);
        });
      }
    });
  }
  if (problems.length > 0) throw new UsageError(`${path}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { path, file, scenarioFiles, scenarioDocs, scenarios };
}
