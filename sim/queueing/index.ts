// Queueing building blocks and theory for validation.
export * from './theory.js';
export * from './station.js';
