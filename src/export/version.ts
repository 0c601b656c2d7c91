// What an export record says about the code that produced it; --resume compares these.
export { plancmpVersion } from '../version.js';

export const PARSE_SCHEMA = 'plancmp.parse/1';
export const DIFF_SCHEMA = 'plancmp.diff/1';
