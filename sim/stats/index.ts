// Public surface of the statistics package: output analysis for stroom runs
// (pure TypeScript, no dependencies, safe to load in a Web Worker).

export { Tally } from './tally.js';
export { TimeWeighted } from './time-weighted.js';
export { quantile, quantiles, QuantileSample } from './quantiles.js';
export { QuantileSketch, type QuantileSketchOptions } from './quantile-sketch.js';
export { logGamma, logBeta, regularizedBeta, regularizedGammaP, regularizedGammaQ } from './special-functions.js';
export { normalCdf, normalPdf, normalQuantile } from './normal.js';
export { tCdf, tQuantile } from './student-t.js';
export {
  confidenceInterval,
  confidenceIntervalFromMoments,
  pairedDifference,
  relativePrecision,
  type ConfidenceInterval,
} from './confidence.js';
export { batchMeans, lag1Autocorrelation, type BatchMeansResult } from './batch-means.js';
export { mser5, welchMovingAverage, type MserResult } from './warmup.js';
export { histogram, type HistogramResult, type UniformBins } from './histogram.js';
