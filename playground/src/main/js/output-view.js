// The output pane: text arrives one write at a time (a line per `puts`), and is drawn once per frame.
// Drawing each write as it came laid out the whole pane again every time, so output grew quadratically
// slower and a loop of puts froze the page. The pane keeps the newest MAX_CHARS characters.

export const MAX_CHARS = 1_000_000;
const SPAN_CHARS = 16 * 1024;

export class OutputView {
  /** element: the pane; each write becomes text in a span whose class names its stream. */
  constructor(element, { maxChars = MAX_CHARS } = {}) {
    this.element = element;
    this.maxChars = maxChars;
    this.pending = [];
    this.scheduled = false;
    this.chars = 0; // characters in the pane, not counting the notice of dropped output
    this.dropped = null; // the notice that earlier output was dropped, once some is
  }

  /** Adds text of a stream (stdout, stderr, info, error, input, result) to be drawn with the next frame. */
  append(text, className) {
    if (!text) return;
    this.pending.push([text, className]);
    if (!this.scheduled) {
      this.scheduled = true;
      // A hidden tab gets no frames; the timer draws there too, at its slower pace.
      const draw = () => this.flush();
      requestAnimationFrame(draw);
      setTimeout(draw, 100);
    }
  }

  /** Draws what is pending now (the frame callback; also before reading the pane). */
  flush() {
    if (!this.scheduled) return;
    this.scheduled = false;
    const pending = this.pending;
    this.pending = [];
    // Runs of one stream are joined first: text nodes are immutable strings, so each addition copies.
    for (let i = 0; i < pending.length;) {
      const className = pending[i][1];
      let j = i;
      while (j < pending.length && pending[j][1] === className) j++;
      this.add(pending.slice(i, j).map(([text]) => text).join(""), className);
      i = j;
    }
    this.trim();
    this.element.scrollTop = this.element.scrollHeight;
  }

  /** Adds text to the last span when it is of the same stream and not yet full, else in a new span. */
  add(text, className) {
    const last = this.element.lastElementChild;
    // Full spans stay as they are, so that the browser lays out only the newest one again.
    if (last && last.className === className && last !== this.dropped && last.textContent.length < SPAN_CHARS) {
      last.firstChild.appendData(text);
    } else {
      const span = document.createElement("span");
      span.className = className;
      span.append(text);
      this.element.append(span);
    }
    this.chars += text.length;
  }

  /** Drops the oldest text past maxChars, and says so at the top. */
  trim() {
    let excess = this.chars - this.maxChars;
    if (excess <= 0) return;
    if (!this.dropped) {
      this.dropped = document.createElement("span");
      this.dropped.className = "info";
      this.dropped.textContent = "… earlier output was dropped to keep the page responsive.\n";
    }
    this.dropped.remove();
    while (excess > 0 && this.element.firstElementChild) {
      const first = this.element.firstElementChild;
      const length = first.textContent.length;
      if (length <= excess) {
        first.remove();
      } else {
        first.firstChild.deleteData(0, excess);
      }
      const removed = Math.min(length, excess);
      this.chars -= removed;
      excess -= removed;
    }
    this.element.prepend(this.dropped);
  }

  /** Empties the pane. */
  clear() {
    this.pending = [];
    this.scheduled = false;
    this.chars = 0;
    this.dropped = null;
    this.element.textContent = "";
  }
}
