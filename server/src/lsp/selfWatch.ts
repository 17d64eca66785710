import { watch, type FSWatcher } from 'node:fs';

/**
 * For clients that cannot watch files for the server (Neovim 0.7 has no dynamic registration
 * of didChangeWatchedFiles): the server watches the config files and word lists it has read
 * itself, so an edit to .policylintrc.yaml or ordlista.txt applies without a restart.
 */
export class SelfWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (file: string) => void) {}

  watch(file: string | undefined): void {
    if (!file || this.watchers.has(file)) return;
    try {
      // Not persistent: watching must never keep the server alive after the client leaves.
      const watcher = watch(file, { persistent: false }, () => this.changed(file));
      watcher.on('error', () => this.forget(file));
      this.watchers.set(file, watcher);
    } catch {
      // A file that cannot be watched (gone, no permission) is read again on the next change
      // the client reports; nothing else to do.
    }
  }

  /** Editors save by rename: the watch on the old inode ends, so watch the path again. */
  private changed(file: string): void {
    this.forget(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.onChange(file);
      this.watch(file);
    }, 50);
  }

  private forget(file: string): void {
    this.watchers.get(file)?.close();
    this.watchers.delete(file);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const file of [...this.watchers.keys()]) this.forget(file);
  }
}
