// The map's labels are drawn into a canvas, which does not wait for a web font the way the page
// does: before Armenian names are baked, the shipped Armenian face (client/fonts.css) is loaded.
export const MAP_FONT = "'Parity Armenian', system-ui, 'Segoe UI', Roboto, 'Parity Sans', sans-serif";
const ARMENIAN = /[\u0530-\u058F\uFB13-\uFB17]/;
// The label styles the scene draws with.
const FACES = ["bold 13px 'Parity Armenian'", "italic 12px 'Parity Armenian'"];
const WAIT_MS = 3000;

/** Whether every face these labels need is loaded (always, for labels with no Armenian letter). */
export function labelFontsReady(text: string, fonts: FontFaceSet | undefined = globalThis.document?.fonts): boolean {
  if (!ARMENIAN.test(text) || !fonts) return true;
  return FACES.every((f) => fonts.check(f, text));
}

/** Load the faces these labels need; resolves anyway after a few seconds (the system's font then draws them). */
export function loadLabelFonts(text: string, fonts: FontFaceSet | undefined = globalThis.document?.fonts): Promise<void> {
  if (labelFontsReady(text, fonts)) return Promise.resolve();
  const loads = Promise.all(FACES.map((f) => fonts!.load(f, text))).then(() => undefined);
  return Promise.race([loads, new Promise<void>((r) => setTimeout(r, WAIT_MS))]).catch(() => undefined);
}
