/** An error in a file a user or rule author wrote: names the file, the line and the cause. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly cause_: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${cause_}`);
    this.name = 'FileError';
  }
}
