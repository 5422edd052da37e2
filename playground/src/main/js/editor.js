// The code editor: CodeMirror 6 with Ruby highlighting, line numbers, a theme that follows the system,
// Ctrl/Cmd+Enter to run, and a highlighted line for errors.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment, StateEffect, StateField, Prec } from "@codemirror/state";
import { Decoration, keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { ruby } from "@codemirror/legacy-modes/mode/ruby";
import { oneDark } from "@codemirror/theme-one-dark";

const setErrorLine = StateEffect.define();
const errorLineMark = Decoration.line({ class: "cm-error-line" });

/** The 1-based line marked as failing, cleared by the next edit. */
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setErrorLine)) {
        const line = effect.value;
        if (!line || line > transaction.state.doc.lines) return Decoration.none;
        return Decoration.set([errorLineMark.range(transaction.state.doc.line(line).from)]);
      }
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");

export function createEditor(parent, { onRun, onChange }) {
  const theme = new Compartment();
  const extensions = [
    basicSetup,
    StreamLanguage.define(ruby),
    errorLineField,
    theme.of(darkScheme.matches ? oneDark : []),
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
    EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update.state.doc.toString()); }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions }) });
  darkScheme.addEventListener("change", () => {
    view.dispatch({ effects: theme.reconfigure(darkScheme.matches ? oneDark : []) });
  });
  return {
    view,
    /** Shows text (another file), keeping the editor's setup. */
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setErrorLine.of(null) });
    },
    getText: () => view.state.doc.toString(),
    /** Marks a 1-based line as failing and scrolls to it; null clears. */
    markError(line) {
      const effects = [setErrorLine.of(line)];
      if (line && line <= view.state.doc.lines) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "center" }));
      }
      view.dispatch({ effects });
    },
    focus: () => view.focus(),
  };
}
