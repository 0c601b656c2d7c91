// Fragment ids inside the report, built only from plan positions and task ids ([a-z0-9-]).
import { domId } from './escape.js';

/** The side-by-side row of a base task on a plan's page. */
export const baseRowAnchor = (plan: string, baseId: string): string => domId(plan, 'b', baseId);
/** The side-by-side row of a local task that carries no base task. */
export const localRowAnchor = (plan: string, localId: string): string => domId(plan, 'l', localId);
export const planDeadlinesAnchor = (plan: string): string => domId(plan, 'deadlines');
