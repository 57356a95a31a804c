// Browser mode for the end-to-end tests: the same helper the main process's own multi-process tests use.
export { startQuarry, type QuarryServer } from '../src/main/test-support/processes';
