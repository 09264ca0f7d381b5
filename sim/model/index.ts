// The organisation model: entities, mechanisms, designs and metrics on the engine.
export { simulate, type SimulateOptions } from './simulate.js';
export { validateModel, ModelError, type ModelIssue } from './validate.js';
export { METRICS, METRIC_IDS, type MetricId, type ModelRunResult, type PersonSummary } from './result.js';
export { SERIES_NAMES, type SeriesName } from './metrics.js';
export { STRAIN_SERIES, STRAIN_WEIGHTS, STRAIN_OVERTIME_WEIGHT, type StrainSeriesName } from './strain.js';
export { EXT_METRICS, type ExtMetricId, type SupplierSummary } from './extension-result.js';
export { PRESETS, PRESET_DESCRIPTIONS, ISLAND, USM, HALF_COORDINATOR, HALF_NO_DOMINANCE } from './presets.js';
export { CATEGORY_NAMES, ACTIVITY_NAMES } from './person.js';
export { OUTCOMES, ESC_REASONS } from './store.js';
export { HOW_NAMES } from './mechanisms/questions.js';
export { TRACE_TYPES, type TraceData } from './trace.js';
export * from './spec.js';
export { toTraceFile, parseTraceFile, TraceFileError, TRACE_FORMAT, TRACE_VERSION, type TraceFile } from './trace-file.js';
export { STREAM_METRICS, STREAM_METRIC_IDS, TEAM_METRICS, TEAM_METRIC_IDS, offeredLoad, type StreamMetricId, type TeamMetricId } from './stream-metrics.js';
export { LEAD_TIME_PARTS, LEAD_TIME_PART_IDS, type LeadTimePart } from './attribution.js';
export { FATES, type Fate, type AnatomyResult } from './anatomy.js';
