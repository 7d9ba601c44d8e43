// The progress line on a terminal: `Analysing 120/900 files…`, shown only once a run is long,
// updated in place and cleared at the end. Never written when stderr is not a terminal.

/** Show the line once the run has taken this long… */
const SHOW_AFTER_MS = 1000;
/** …or at once when there are this many files. */
const SHOW_FROM_FILES = 500;
/** Redraw at most this often. */
const REDRAW_MS = 100;

/** Where the line is drawn: a terminal stream. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

/** Counts files done and draws the progress line when it is worth it. */
export class Progress {
  private done = 0;
  private readonly startedAt = Date.now();
  private drawnAt: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  /** Records one more file done. */
  tick(): void {
    this.done += 1;
    if (!this.stream.isTTY) return;
    const now = Date.now();
    const due = this.total >= SHOW_FROM_FILES || now - this.startedAt >= SHOW_AFTER_MS;
    if (!due || (this.drawnAt !== undefined && now - this.drawnAt < REDRAW_MS && this.done < this.total)) return;
    this.drawnAt = now;
    this.stream.write(`\r\u001b[KAnalysing ${this.done}/${this.total} files…`);
  }

  /** Removes the line, if one was drawn. */
  clear(): void {
    if (this.drawnAt !== undefined) this.stream.write('\r\u001b[K');
    this.drawnAt = undefined;
  }
}
