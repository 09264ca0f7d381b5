// Size limits a scenario must stay within (docs/scenario-format.md, "Limits"). They keep
// a hostile or mistaken file from exhausting memory or time before a run starts.

export const LIMITS = {
  /** Bytes (and characters) in one file. */
  fileBytes: 2 * 1024 * 1024,
  persons: 10_000,
  teams: 500,
  streams: 200,
  stepsPerStream: 20,
  questionTypes: 100,
  meetings: 200,
  timelineEntries: 100,
  designs: 50,
  /** Files in one `extends` chain, the scenario itself included. */
  extendsDepth: 10,
  /** Lists and mappings inside each other. A real scenario nests about 7 deep; the YAML
   * library and the checks after it recurse per level, so a file nested thousands deep
   * would exhaust the stack. Checked on the parsed tokens, before anything recurses. */
  nestingDepth: 50,
  /** YAML alias uses; anchor bombs blow up far beyond this. */
  yamlAliases: 100,
  /** Characters in one quantity string such as "0.8 * 38 h/week". */
  quantityChars: 200,
  /** Issues kept in one ScenarioError; the rest are counted. */
  issues: 200,
} as const;
