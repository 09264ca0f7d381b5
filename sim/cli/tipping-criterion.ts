// When `stroom tipping` counts a load as tipped, in words: the command's help
// (declared at CLI start, so this module imports nothing) and its reports say it.

export const TIPPING_CRITERION =
  'tipped at a load when (1) a team is offered at least 1 of its operators\' time before questions (overload), or (2) WIP grows over the observed window ' +
  '(95% interval of the trend across replications excludes 0, above 0.2%/week and at least 1 request) or under 97% of arrivals are completed (falls behind), ' +
  'or (3) the managers\' design share falls below half its value at the lowest load (if that was at least 1%) while escalations per request grew by a larger factor than the load (firefighting)';
