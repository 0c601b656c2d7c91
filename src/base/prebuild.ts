// Build step (npm run build / prepare): store the parse of the embedded base. See prebuilt.ts.
import { readFileSync } from 'node:fs';
import { BASE_FILE, BASE_LABEL, parseText } from '../pipeline.js';
import { writePrebuilt } from './prebuilt.js';

const text = readFileSync(BASE_FILE, 'utf8');
writePrebuilt(text, parseText(text, BASE_LABEL));
