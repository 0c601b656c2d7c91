// Colour on or off, decided once per output stream. chalk's own detection looks at process.stdout
// and ignores NO_COLOR, so the decision is made here and chalk only paints at the chosen level.
import { Chalk, type ChalkInstance } from 'chalk';

export type Paint = (text: string) => string;
export type ColorLevel = 0 | 1 | 2 | 3;

export interface Colors {
  enabled: boolean;
  level: ColorLevel;
  red: Paint;
  green: Paint;
  yellow: Paint;
  blue: Paint;
  magenta: Paint;
  cyan: Paint;
  gray: Paint;
  dim: Paint;
  bold: Paint;
  italic: Paint;
  underline: Paint;
  inverse: Paint;
  strikethrough: Paint;
}

/** The part of a tty.WriteStream the decision needs (a stub with isTTY is enough in tests). */
export interface ColorStream {
  isTTY?: boolean;
  getColorDepth?: (env?: object) => number;
}

export interface ColorOptions {
  stream?: ColorStream;
  env?: NodeJS.ProcessEnv;
  /** An explicit --color / --no-color: beats the environment. */
  force?: boolean;
}

/** FORCE_COLOR by chalk's rules ('' and 'true' → 1, 'false' and '0' → off, n → min(n, 3)), but never below 1 when on. */
function forceColorLevel(v: string | undefined): ColorLevel | undefined {
  if (v === undefined) return undefined;
  if (v === '0' || v === 'false') return 0;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? 1 : (Math.min(Math.max(n, 1), 3) as ColorLevel);
}

/** Level a terminal can show: Node's colour depth (bits) mapped to chalk levels, at least 1. */
function ttyLevel(stream: ColorStream, env: NodeJS.ProcessEnv): ColorLevel {
  const depth = stream.getColorDepth?.(env) ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}

export function colorLevel(opts: ColorOptions = {}): ColorLevel {
  const env = opts.env ?? process.env;
  const stream = opts.stream ?? process.stdout;
  const forced = forceColorLevel(env.FORCE_COLOR);
  if (opts.force === false) return 0;
  if (opts.force === true) return forced || (stream.isTTY ? ttyLevel(stream, env) : 1);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return 0;
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return ttyLevel(stream, env);
}

export function makeColors(opts: ColorOptions = {}): Colors {
  return colorsAt(colorLevel(opts));
}

export function colorsAt(level: ColorLevel): Colors {
  const ch: ChalkInstance = new Chalk({ level });
  const p =
    (style: ChalkInstance): Paint =>
    (text) =>
      style(text);
  return {
    enabled: level > 0,
    level,
    red: p(ch.red),
    green: p(ch.green),
    yellow: p(ch.yellow),
    blue: p(ch.blue),
    magenta: p(ch.magenta),
    cyan: p(ch.cyan),
    gray: p(ch.gray),
    dim: p(ch.dim),
    bold: p(ch.bold),
    italic: p(ch.italic),
    underline: p(ch.underline),
    inverse: p(ch.inverse),
    strikethrough: p(ch.strikethrough),
  };
}

/** No colour at all: for files, pipes and tests. */
export const noColors: Colors = colorsAt(0);
