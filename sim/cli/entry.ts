// Process entry of the CLI: run main() and set the exit code (never process.exit, so
// pending writes finish).
import { hideBin, main } from './main.js';

process.exitCode = await main(hideBin(process.argv));
