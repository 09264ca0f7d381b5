// msgpackr loads its native accelerator in a try/catch and falls back to JavaScript when
// loading fails; this stand-in always fails so the fallback is used (see package.json).
throw new Error('msgpackr-extract is not installed in stroom (msgpackr uses its JavaScript decoder)');
