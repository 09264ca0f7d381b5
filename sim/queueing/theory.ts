// Closed-form results of queueing theory, used to validate the engine and the model.
// Rates are per hour, times in hours. Every function checks stability (rho < 1).

function stable(rho: number, what: string): void {
  if (!(rho >= 0 && rho < 1)) throw new Error(`${what}: unstable, utilisation ${rho} must be < 1`);
}

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  stable(a / c, 'erlangC');
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

export interface QueueTheory {
  /** Mean wait in queue (Wq). */
  wait: number;
  /** Mean time in system (W = Wq + 1/mu). */
  system: number;
  /** Mean number in system (L = lambda W). */
  number: number;
  utilisation: number;
}

/** M/M/c with arrival rate lambda and service rate mu per server. */
export function mmc(lambda: number, mu: number, c: number): QueueTheory {
  const a = lambda / mu;
  const rho = a / c;
  stable(rho, 'mmc');
  const wait = erlangC(c, a) / (c * mu - lambda);
  const system = wait + 1 / mu;
  return { wait, system, number: lambda * system, utilisation: rho };
}

/** M/G/1 by Pollaczek-Khinchine: needs the service mean and variance. */
export function mg1(lambda: number, serviceMean: number, serviceVariance: number): QueueTheory {
  const rho = lambda * serviceMean;
  stable(rho, 'mg1');
  const second = serviceVariance + serviceMean * serviceMean;
  const wait = (lambda * second) / (2 * (1 - rho));
  const system = wait + serviceMean;
  return { wait, system, number: lambda * system, utilisation: rho };
}

/** M/D/1: Pollaczek-Khinchine with zero service variance. */
export function md1(lambda: number, serviceTime: number): QueueTheory {
  return mg1(lambda, serviceTime, 0);
}
