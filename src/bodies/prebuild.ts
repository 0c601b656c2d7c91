// Build step (npm run build / prepare): store the body table's derived lookups. See table.ts.
import { writePrebuiltTable } from './table.js';

writePrebuiltTable();
