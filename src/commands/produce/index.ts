/** `ktool produce`: the command module (parse in options.ts, the loop in run.ts). */
export { parse } from './options.js';
export { run } from './run.js';
