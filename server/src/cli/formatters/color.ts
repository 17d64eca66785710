/** ANSI colour only on a TTY, and never when NO_COLOR is set (FORCE_COLOR forces it). */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  // isTTY is typed boolean but is undefined on a pipe or a file.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
  return Boolean(stream.isTTY);
}

export type Paint = (text: string) => string;

export function palette(enabled: boolean): Record<'red' | 'yellow' | 'blue' | 'dim' | 'bold' | 'underline' | 'green', Paint> {
  const wrap = (open: number, close: number): Paint => (enabled ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : (t) => t);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}
