// Converts schema-valid raw values to model units, collecting a path-tagged issue for
// each quantity that cannot be read instead of stopping at the first. A failed value
// becomes NaN; the issue already reported covers whatever the NaN causes later.

import type { DistributionSpec } from '../random/distributions.js';
import type { IssueList } from './errors.js';
import type { Path } from './paths.js';
import type { RawDistribution } from './schema.js';
import { type QuantityKind, readQuantity, UnitError } from './units.js';

export class Reader {
  constructor(readonly issues: IssueList) {}

  quantity(q: number | string, kind: QuantityKind, path: Path): number {
    try {
      return readQuantity(q, kind);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      this.issues.add(path, e.message);
      return Number.NaN;
    }
  }

  time(q: number | string, path: Path): number {
    return this.quantity(q, 'time', path);
  }

  rate(q: number | string, path: Path): number {
    return this.quantity(q, 'rate', path);
  }

  hoursPerWeek(q: number | string, path: Path): number {
    return this.quantity(q, 'hoursPerWeek', path);
  }

  /** A distribution of times, in hours. */
  distribution(d: RawDistribution, path: Path): DistributionSpec {
    const t = (field: string, q: number | string) => this.time(q, [...path, field]);
    switch (d.type) {
      case 'exponential':
        return { type: 'exponential', mean: t('mean', d.mean) };
      case 'deterministic':
        return { type: 'deterministic', value: t('value', d.value) };
      case 'uniform':
        return { type: 'uniform', min: t('min', d.min), max: t('max', d.max) };
      case 'triangular':
        return { type: 'triangular', min: t('min', d.min), mode: t('mode', d.mode), max: t('max', d.max) };
      case 'gamma':
        return { type: 'gamma', shape: d.shape, mean: t('mean', d.mean) };
      case 'erlang':
        return { type: 'erlang', k: d.k, mean: t('mean', d.mean) };
      case 'lognormal':
        return { type: 'lognormal', mean: t('mean', d.mean), cv: d.cv };
      case 'empirical': {
        const values = d.values.map((v, i) => this.time(v, [...path, 'values', i]));
        return d.weights === undefined ? { type: 'empirical', values } : { type: 'empirical', values, weights: [...d.weights] };
      }
    }
  }
}
