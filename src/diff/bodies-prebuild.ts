// Build step (npm run build / prepare): store the body table's derived lookups. See bodies.ts.
import { writePrebuiltTable } from './bodies.js';

writePrebuiltTable();
